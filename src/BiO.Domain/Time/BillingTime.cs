using NodaTime;

namespace BiO.Domain.Time;

/// <summary>
/// Billing periods are local calendar days and months in Europe/Copenhagen; meter intervals are UTC
/// instants, half-open [start, end). A local day has 23, 24 or 25 hours (92, 96 or 100 quarter-hours).
/// </summary>
public static class BillingTime
{
    /// <summary>The zone of Danish billing periods, from NodaTime's embedded TZDB (no I/O).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    /// <summary>The UTC interval [local midnight, next local midnight) of a billing day.</summary>
    public static Interval Day(LocalDate date) =>
        new(Zone.AtStartOfDay(date).ToInstant(), Zone.AtStartOfDay(date.PlusDays(1)).ToInstant());

    /// <summary>The UTC interval of a billing month, from its first local midnight to the next month's.</summary>
    public static Interval Month(YearMonth month) =>
        new(Zone.AtStartOfDay(month.OnDayOfMonth(1)).ToInstant(),
            Zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant());

    /// <summary>The UTC interval covering every day of <paramref name="dates"/> (its end included).</summary>
    public static Interval Of(DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return new(Day(dates.Start).Start, Day(dates.End).End);
    }

    /// <summary>The local billing day an instant falls in.</summary>
    public static LocalDate DayOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The billing month an instant falls in.</summary>
    public static YearMonth MonthOf(Instant instant) => DayOf(instant).ToYearMonth();

    /// <summary>
    /// The local days an interval touches: from the day of its start to the day of its last instant.
    /// </summary>
    /// <exception cref="ArgumentException">The interval is empty or unbounded.</exception>
    public static DateInterval DaysOf(Interval interval)
    {
        if (!interval.HasStart || !interval.HasEnd || interval.Duration <= Duration.Zero)
        {
            throw new ArgumentException($"A billing interval must be bounded and non-empty, got {interval}.", nameof(interval));
        }

        return new DateInterval(DayOf(interval.Start), DayOf(interval.End - Duration.Epsilon));
    }
}
