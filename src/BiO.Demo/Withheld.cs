using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Demo;

/// <summary>
/// Meter data DataHub has but did not deliver with the month: a run of hours sent as A02 (not available), or a whole
/// day not sent at all. <see cref="SimulatedDataHub"/> hands it out when asked by an RSM-015 request.
/// </summary>
/// <param name="MeteringPoint">The GSRN.</param>
/// <param name="Day">The local day.</param>
/// <param name="Utc">The UTC interval held back: whole hours, or the whole day.</param>
/// <param name="WholeDay">True when the day's series was not sent at all.</param>
public sealed record WithheldPeriod(Gsrn MeteringPoint, LocalDate Day, Interval Utc, bool WholeDay);

/// <summary>
/// The gaps of a point with gaps: one to three, each on a supplied day of the month, either the whole day (three in
/// ten) or one to six hours of it.
/// </summary>
internal static class GapPlan
{
    /// <summary>A gap: day index in the month, first hour (0-based from the day's start) and hours; a whole day has hours = -1.</summary>
    public readonly record struct Gap(int DayIndex, int FromHour, int Hours)
    {
        public bool WholeDay => Hours < 0;
    }

    public static IReadOnlyList<Gap> Of(int seed, DemoMeteringPoint point, DemoDay[] days)
    {
        if (!point.HasGaps)
        {
            return [];
        }

        var first = FirstSuppliedDay(point, days);
        if (first >= days.Length)
        {
            return [];
        }

        var random = new DemoRandom(seed, 3, point.Index);
        var count = random.Next(1, 4);
        var gaps = new List<Gap>(count);
        for (var i = 0; i < count; i++)
        {
            var day = random.Next(first, days.Length);
            var wholeDay = random.Chance(0.3);
            var hours = days[day].Hours;
            var from = random.Next(0, hours);
            var length = Math.Min(random.Next(1, 7), hours - from);
            gaps.Add(wholeDay ? new Gap(day, 0, -1) : new Gap(day, from, length));
        }

        return gaps;
    }

    /// <summary>The index of the first day of the month we supply the point (days.Length when none).</summary>
    public static int FirstSuppliedDay(DemoMeteringPoint point, DemoDay[] days)
    {
        var first = 0;
        while (first < days.Length && days[first].Date < point.SupplyStart)
        {
            first++;
        }

        return first;
    }
}
