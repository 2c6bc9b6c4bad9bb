using NodaTime;

namespace BiO.Domain.Time;

/// <summary>
/// A settlement period ("afregningsperiode"): whole local days in Europe/Copenhagen, usually a calendar month,
/// and the UTC interval [first local midnight, midnight after the last day) it covers.
/// </summary>
public sealed record BillingPeriod
{
    private IReadOnlyList<(LocalDate Date, Interval Utc)>? days;

    public BillingPeriod(DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        Dates = dates;
        Utc = BillingTime.Of(dates);
    }

    /// <summary>The local days of the period, both ends included.</summary>
    public DateInterval Dates { get; }

    /// <summary>The UTC interval [start, end) of the period.</summary>
    public Interval Utc { get; }

    public static BillingPeriod Of(YearMonth month) =>
        new(new DateInterval(month.OnDayOfMonth(1), month.PlusMonths(1).OnDayOfMonth(1).PlusDays(-1)));

    /// <summary>The period covering the UTC interval, which must start and end at local midnight.</summary>
    /// <exception cref="ArgumentException">An end of the interval is not a local midnight.</exception>
    public static BillingPeriod FromUtc(Interval utc)
    {
        var first = BillingTime.DayOf(utc.Start);
        var last = BillingTime.DayOf(utc.End - Duration.Epsilon);
        var period = new BillingPeriod(new DateInterval(first, last));
        if (period.Utc != utc)
        {
            throw new ArgumentException($"Interval {utc} does not start and end at local midnight in Europe/Copenhagen.", nameof(utc));
        }

        return period;
    }

    /// <summary>Each local day of the period with its UTC interval, in order.</summary>
    public IReadOnlyList<(LocalDate Date, Interval Utc)> Days() =>
        days ??= Dates.Select(d => (d, BillingTime.Day(d))).ToList().AsReadOnly();

    /// <summary>Periods are equal when their days are (the UTC interval and the cached days follow from them).</summary>
    public bool Equals(BillingPeriod? other) => other is not null && Dates.Equals(other.Dates);

    public override int GetHashCode() => Dates.GetHashCode();

    public override string ToString() => $"{Dates.Start:uuuu-MM-dd}..{Dates.End:uuuu-MM-dd} ({Utc})";
}
