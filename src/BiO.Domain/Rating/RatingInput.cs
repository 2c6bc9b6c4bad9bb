using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>
/// What to rate: one metering point (or service) over a billing period, within its supply interval, with its usage as
/// known at some instant (null for products rated without usage, e.g. subscriptions only).
/// </summary>
public sealed record RatingInput
{
    /// <exception cref="ArgumentException">The supply does not overlap the period, or the usage is of another point or period.</exception>
    public RatingInput(string meteringPointId, BillingPeriod period, Interval supply, ResolvedSeries? usage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meteringPointId);
        ArgumentNullException.ThrowIfNull(period);
        if (supply.End <= period.Utc.Start || supply.Start >= period.Utc.End)
        {
            throw new ArgumentException($"Supply {supply} does not overlap the period {period}.", nameof(supply));
        }

        if (usage is not null && (usage.MeteringPointId != meteringPointId || usage.Period != period.Utc))
        {
            throw new ArgumentException($"Usage of {usage.MeteringPointId} over {usage.Period} does not match {meteringPointId} over {period.Utc}.", nameof(usage));
        }

        MeteringPointId = meteringPointId;
        Period = period;
        Supply = supply;
        Usage = usage;
        Window = Intersect(period.Utc, supply);
    }

    public string MeteringPointId { get; }

    public BillingPeriod Period { get; }

    public Interval Supply { get; }

    public ResolvedSeries? Usage { get; }

    /// <summary>The part of the period within the supply.</summary>
    public Interval Window { get; }

    /// <summary>The overlap of two intervals, or null when they do not overlap.</summary>
    public static Interval? Overlap(Interval a, Interval b)
    {
        var start = a.Start > b.Start ? a.Start : b.Start;
        var end = a.End < b.End ? a.End : b.End;
        return end > start ? new Interval(start, end) : null;
    }

    private static Interval Intersect(Interval a, Interval b) => Overlap(a, b)!.Value;
}
