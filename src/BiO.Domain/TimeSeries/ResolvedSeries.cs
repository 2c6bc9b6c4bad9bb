using BiO.Domain.Money;
using BiO.Domain.Time;
using NodaTime;
using NodaTime.TimeZones;

namespace BiO.Domain.TimeSeries;

/// <summary>
/// A metering point's values over a period as known at one instant: ordered, non-overlapping, possibly of mixed
/// resolution; with its coverage, the exact missing intervals, and hour and local-day sums.
/// </summary>
public sealed class ResolvedSeries
{
    private static readonly Duration HourLength = Duration.FromHours(1);
    private UsageSum[]? hours;
    private UsageSum[]? days;
    private LocalDateTime[]? localStarts;

    /// <exception cref="ArgumentException">Values outside the period, unordered or overlapping.</exception>
    public ResolvedSeries(string meteringPointId, Interval period, Instant knownAt, IReadOnlyList<MeterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var previousEnd = period.Start;
        foreach (var v in values)
        {
            if (v.Start < previousEnd || v.End > period.End || v.End <= v.Start)
            {
                throw new ArgumentException($"Value [{v.Start}, {v.End}) is outside {period}, unordered or overlapping.", nameof(values));
            }

            previousEnd = v.End;
        }

        MeteringPointId = meteringPointId;
        Period = period;
        KnownAt = knownAt;
        Values = values;
    }

    public string MeteringPointId { get; }

    public Interval Period { get; }

    public Instant KnownAt { get; }

    public IReadOnlyList<MeterValue> Values { get; }

    /// <summary>The intervals without a quantity (never received, or A02), merged where adjacent, in order.</summary>
    public IReadOnlyList<Interval> MissingIntervals()
    {
        var missing = new List<Interval>();
        var cursor = Period.Start;
        void Add(Instant from, Instant to)
        {
            if (missing.Count > 0 && missing[^1].End == from)
            {
                missing[^1] = new Interval(missing[^1].Start, to);
            }
            else
            {
                missing.Add(new Interval(from, to));
            }
        }

        foreach (var v in Values)
        {
            if (v.Start > cursor)
            {
                Add(cursor, v.Start);
            }

            if (v.IsMissing)
            {
                Add(v.Start, v.End);
            }

            cursor = v.End;
        }

        if (cursor < Period.End)
        {
            Add(cursor, Period.End);
        }

        return missing;
    }

    public bool IsComplete => MissingIntervals().Count == 0;

    /// <summary>The share of the period that has a quantity, 0..1.</summary>
    public decimal Coverage =>
        1m - ((decimal)MissingIntervals().Sum(i => i.Duration.BclCompatibleTicks) / Period.Duration.BclCompatibleTicks);

    /// <summary>The sum of each UTC hour of the period (four PT15M values make one hour); missing if any part is.</summary>
    public IReadOnlyList<UsageSum> HourSums()
    {
        if (hours is null)
        {
            var boundaries = new Instant[Resolution.Hour.CountIn(Period) + 1];
            boundaries[0] = Period.Start;
            for (var i = 1; i < boundaries.Length; i++)
            {
                boundaries[i] = boundaries[i - 1] + HourLength;
            }

            hours = Sums(boundaries);
        }

        return hours;
    }

    /// <summary>The sum of each local day (Europe/Copenhagen; 23/24/25 hours) of the period; missing if any part is.</summary>
    public IReadOnlyList<UsageSum> DaySums()
    {
        if (days is null)
        {
            var intervals = Resolution.Day.Intervals(Period);
            days = Sums([.. intervals.Select(d => d.Start), Period.End]);
        }

        return days;
    }

    /// <summary>The sum over the whole period; missing if any part is.</summary>
    public UsageSum Total() => Sums([Period.Start, Period.End])[0];

    /// <summary>The sums between consecutive <paramref name="boundaries"/>, one pass over the values.</summary>
    private UsageSum[] Sums(Instant[] boundaries)
    {
        var result = new UsageSum[boundaries.Length - 1];
        var v = 0;
        var values = Values;
        for (var i = 0; i < result.Length; i++)
        {
            var start = boundaries[i];
            var end = boundaries[i + 1];
            decimal sum = 0m;
            var covered = start;
            var complete = true;
            var qualities = QualitySet.None;
            var latest = Instant.MinValue;
            for (; v < values.Count; v++)
            {
                var value = values[v];
                if (value.Start >= end)
                {
                    break;
                }

                if (value.End > end)
                {
                    throw new InvalidOperationException($"Value [{value.Start}, {value.End}) spans the boundary {end}.");
                }

                complete &= value.Start == covered && value.Quantity.HasValue;
                sum += value.Quantity.GetValueOrDefault().Value;
                qualities |= value.Quality.AsSet();
                if (value.ReceivedAt > latest)
                {
                    latest = value.ReceivedAt;
                }

                covered = value.End;
            }

            complete &= covered == end;
            result[i] = new UsageSum(start, end, complete ? Quantity.Unchecked(sum) : null, qualities, latest);
        }

        return result;
    }

    /// <summary>
    /// The local (Europe/Copenhagen) date and time at which each value starts, in value order; computed once per series,
    /// with one zone lookup per UTC offset (twice a year at most) rather than one per value.
    /// </summary>
    public IReadOnlyList<LocalDateTime> LocalStarts()
    {
        if (localStarts is null)
        {
            var result = new LocalDateTime[Values.Count];
            ZoneInterval? offset = null;
            for (var i = 0; i < result.Length; i++)
            {
                var start = Values[i].Start;
                if (offset is null || !offset.Contains(start))
                {
                    offset = BillingTime.Zone.GetZoneInterval(start);
                }

                result[i] = start.WithOffset(offset.WallOffset).LocalDateTime;
            }

            localStarts = result;
        }

        return localStarts;
    }
}
