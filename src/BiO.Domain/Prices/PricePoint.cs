using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Prices;

/// <summary>A price effective from <paramref name="Time"/> (an interval start), as received at <paramref name="ReceivedAt"/>.</summary>
public readonly record struct PricePoint(Instant Time, UnitPrice Price, Instant ReceivedAt);

/// <summary>
/// Effective-dated prices with every version kept. <see cref="AsKnownAt"/> gives a lookup table of the newest
/// price per time among the versions received by then.
/// </summary>
public sealed record PriceHistory
{
    public PriceHistory(IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Points = points.ToArray();
    }

    public IReadOnlyList<PricePoint> Points { get; }

    public PriceHistory With(IEnumerable<PricePoint> more) => new(Points.Concat(more));

    // The table as known once every version has arrived, kept when first built: a month of prices is read for
    // thousands of metering points at instants that all know everything.
    private readonly AllKnownBox allKnown = new();

    /// <summary>The newest price per time among the versions received at or before <paramref name="knownAt"/>.</summary>
    public PriceTable AsKnownAt(Instant knownAt)
    {
        if (allKnown.Value is { } kept && knownAt >= kept.NewestReceived)
        {
            return kept.Table;
        }

        var table = Build(knownAt);
        if (Points.Count > 0 && Points.Max(p => p.ReceivedAt) is var newestReceived && knownAt >= newestReceived)
        {
            allKnown.Value = new AllKnown(newestReceived, table);
        }

        return table;
    }

    private PriceTable Build(Instant knownAt)
    {
        var newest = new Dictionary<Instant, PricePoint>();
        foreach (var p in Points)
        {
            if (p.ReceivedAt <= knownAt && (!newest.TryGetValue(p.Time, out var existing) || p.ReceivedAt >= existing.ReceivedAt))
            {
                newest[p.Time] = p;
            }
        }

        return new PriceTable(newest.Values);
    }

    private sealed record AllKnown(Instant NewestReceived, PriceTable Table);

    // A reference box, so that the record's equality sees the same box, and a kept table is shared safely between threads.
    private sealed class AllKnownBox
    {
        public AllKnown? Value { get; set; }
    }

    /// <summary>Every point as one version received at <paramref name="receivedAt"/>.</summary>
    public static PriceHistory Of(Instant receivedAt, IEnumerable<(Instant Time, decimal Price)> prices) =>
        new(prices.Select(p => new PricePoint(p.Time, new UnitPrice(p.Price), receivedAt)));
}

/// <summary>Prices by effective time, sorted: exact lookups for tariffs and spot, last-known for subscriptions and fees.</summary>
public sealed class PriceTable
{
    private readonly Instant[] times;
    private readonly PricePoint[] points;

    /// <exception cref="ArgumentException">Two prices for the same time.</exception>
    public PriceTable(IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        this.points = points.OrderBy(p => p.Time).ToArray();
        times = this.points.Select(p => p.Time).ToArray();
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] == times[i - 1])
            {
                throw new ArgumentException($"Two prices for {times[i]}.", nameof(points));
            }
        }
    }

    public int Count => points.Length;

    /// <summary>The price of the interval starting exactly at <paramref name="time"/> (tariffs: never carried forward).</summary>
    public bool TryExact(Instant time, out PricePoint point)
    {
        var i = Array.BinarySearch(times, time);
        point = i >= 0 ? points[i] : default;
        return i >= 0;
    }

    /// <summary>Exact lookups at ascending times (a series rated interval by interval), each starting where the previous one ended.</summary>
    internal PriceCursor Ascending() => new(this);

    /// <summary>The latest price effective at or before <paramref name="time"/> (subscriptions and fees: carried forward).</summary>
    public bool TryLastKnown(Instant time, out PricePoint point)
    {
        var i = Array.BinarySearch(times, time);
        if (i < 0)
        {
            i = ~i - 1;
        }

        point = i >= 0 ? points[i] : default;
        return i >= 0;
    }

    /// <summary>
    /// <see cref="TryExact"/> for times in ascending order: when the next price in the table is the one asked for
    /// (every interval priced) it is taken without searching; otherwise the table is binary-searched as usual.
    /// One cursor per pass over a series.
    /// </summary>
    internal sealed class PriceCursor(PriceTable table)
    {
        private int next;

        public bool TryExact(Instant time, out PricePoint point)
        {
            var times = table.times;
            var i = next < times.Length && times[next] == time ? next : Array.BinarySearch(times, time);
            next = i >= 0 ? i + 1 : ~i;
            point = i >= 0 ? table.points[i] : default;
            return i >= 0;
        }
    }
}
