using BiO.Domain.Time;
using NodaTime;

namespace BiO.Demo;

/// <summary>
/// A local day of the demo month as meter data sees it: its UTC interval, its 23, 24 or 25 hours and the local
/// clock hour each of them starts at (so a DST day has 92 or 100 quarter-hours), computed once per day.
/// </summary>
internal sealed class DemoDay
{
    private static readonly LocalDate Epoch = new(2000, 1, 1);

    public DemoDay(LocalDate date)
    {
        Date = date;
        Utc = BillingTime.Day(date);
        Hours = (int)(Utc.Duration.TotalHours);
        LocalHours = new int[Hours];
        for (var h = 0; h < Hours; h++)
        {
            LocalHours[h] = (Utc.Start + Duration.FromHours(h)).InZone(BillingTime.Zone).Hour;
        }

        Weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
        Number = Period.DaysBetween(Epoch, date);
    }

    public LocalDate Date { get; }

    public Interval Utc { get; }

    /// <summary>23, 24 or 25.</summary>
    public int Hours { get; }

    /// <summary>The local clock hour (0..23) of each UTC hour of the day.</summary>
    public int[] LocalHours { get; }

    public bool Weekend { get; }

    /// <summary>Days since 2000-01-01: a key for the random draws of this day.</summary>
    public int Number { get; }

    /// <summary>The number of positions of a series of this day.</summary>
    public int Positions(Resolution resolution) => resolution == Resolution.QuarterHour ? Hours * 4 : Hours;

    /// <summary>Every day of a month.</summary>
    public static DemoDay[] Of(YearMonth month)
    {
        var days = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        return Enumerable.Range(1, days).Select(d => new DemoDay(month.OnDayOfMonth(d))).ToArray();
    }
}
