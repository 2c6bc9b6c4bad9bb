using BiO.Domain.Time;
using BiO.Domain.TimeSeries;

namespace BiO.Demo;

/// <summary>
/// One series of a metering point-day: the quantity of each position in Wh (kWh with 3 decimals) and its quality.
/// A position of quality A02 carries no quantity when written.
/// </summary>
internal sealed record MeterDay(DemoMeteringPoint Point, DemoDay Day, int[] Wh, Quality[] Qualities)
{
    /// <summary>
    /// The point-day as DataHub first delivers it (null when the whole day is held back): the true values, a run of
    /// estimated (A03) hours now and then, and the held-back hours as A02 without quantity.
    /// </summary>
    public static MeterDay? Delivered(int seed, DemoMeteringPoint point, DemoDay day, int dayIndex, IReadOnlyList<GapPlan.Gap> gaps)
    {
        var truth = True(seed, point, day);
        var perHour = point.Resolution == Resolution.QuarterHour ? 4 : 1;
        var random = new DemoRandom(seed, 4, point.Index, day.Number);
        if (random.Chance(0.02))
        {
            var from = random.Next(0, day.Hours);
            var length = Math.Min(random.Next(1, 4), day.Hours - from);
            Mark(truth.Qualities, from, length, perHour, Quality.Estimated);
        }

        foreach (var gap in gaps)
        {
            if (gap.DayIndex != dayIndex)
            {
                continue;
            }

            if (gap.WholeDay)
            {
                return null;
            }

            Mark(truth.Qualities, gap.FromHour, gap.Hours, perHour, Quality.NotAvailable);
        }

        return truth;
    }

    /// <summary>The true values of the point-day, all measured (A04).</summary>
    public static MeterDay True(int seed, DemoMeteringPoint point, DemoDay day)
    {
        var wh = ConsumptionProfile.Wh(seed, point, day);
        var qualities = new Quality[wh.Length];
        Array.Fill(qualities, Quality.Measured);
        return new MeterDay(point, day, wh, qualities);
    }

    private static void Mark(Quality[] qualities, int fromHour, int hours, int perHour, Quality quality) =>
        qualities.AsSpan(fromHour * perHour, hours * perHour).Fill(quality);
}
