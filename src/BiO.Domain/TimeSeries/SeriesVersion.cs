using BiO.Domain.Money;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.TimeSeries;

/// <summary>One point of a received series: 1-based position, quantity (absent when A02) and quality.</summary>
public readonly record struct SeriesPoint
{
    /// <exception cref="ArgumentOutOfRangeException">Position below 1.</exception>
    /// <exception cref="ArgumentException">A02 with a quantity, or another quality without one.</exception>
    public SeriesPoint(int position, Quantity? quantity, Quality quality = Quality.Measured)
    {
        if (position < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Positions are 1-based.");
        }

        if ((quality == Quality.NotAvailable) == quantity.HasValue)
        {
            throw new ArgumentException($"Point {position}: quality {quality.Code()} {(quantity.HasValue ? "must not" : "must")} have a quantity.", nameof(quantity));
        }

        Position = position;
        Quantity = quantity;
        Quality = quality;
    }

    public int Position { get; }

    public Quantity? Quantity { get; }

    public Quality Quality { get; }
}

/// <summary>
/// A version of meter data for one metering point as received (an RSM-012 series): its resolution, start, points,
/// and the instant BiO received it. A correction is simply a newer version for the same intervals.
/// </summary>
public sealed record SeriesVersion
{
    /// <exception cref="ArgumentException">A calendar resolution, duplicate positions or no points.</exception>
    public SeriesVersion(string versionId, Instant receivedAt, Instant start, Resolution resolution, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(points);
        if (!resolution.IsFixed)
        {
            throw new ArgumentException($"Meter data is PT15M or PT1H, got {resolution}.", nameof(resolution));
        }

        var ordered = InPositionOrder(points);
        if (ordered is null)
        {
            throw new ArgumentException("A series version needs points with distinct positions.", nameof(points));
        }

        VersionId = versionId;
        ReceivedAt = receivedAt;
        Start = start;
        Resolution = resolution;
        Points = ordered;
    }

    // A copy of the points in position order, or null when there are none or a position repeats. Points arrive in
    // order almost always: one pass, no sort.
    private static SeriesPoint[]? InPositionOrder(IReadOnlyList<SeriesPoint> points)
    {
        var copy = new SeriesPoint[points.Count];
        var ascending = true;
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = points[i];
            ascending &= i == 0 || copy[i - 1].Position < copy[i].Position;
        }

        if (!ascending)
        {
            Array.Sort(copy, (a, b) => a.Position.CompareTo(b.Position));
            for (var i = 1; i < copy.Length; i++)
            {
                if (copy[i - 1].Position == copy[i].Position)
                {
                    return null;
                }
            }
        }

        return copy.Length == 0 ? null : copy;
    }

    /// <summary>The series mRID (or any id that names this version).</summary>
    public string VersionId { get; }

    public Instant ReceivedAt { get; }

    public Instant Start { get; }

    public Resolution Resolution { get; }

    public IReadOnlyList<SeriesPoint> Points { get; }
}
