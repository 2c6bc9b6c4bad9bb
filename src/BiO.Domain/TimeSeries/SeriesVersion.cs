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

        if (points.Count == 0 || points.Select(p => p.Position).Distinct().Count() != points.Count)
        {
            throw new ArgumentException("A series version needs points with distinct positions.", nameof(points));
        }

        VersionId = versionId;
        ReceivedAt = receivedAt;
        Start = start;
        Resolution = resolution;
        Points = points.OrderBy(p => p.Position).ToArray();
    }

    /// <summary>The series mRID (or any id that names this version).</summary>
    public string VersionId { get; }

    public Instant ReceivedAt { get; }

    public Instant Start { get; }

    public Resolution Resolution { get; }

    public IReadOnlyList<SeriesPoint> Points { get; }
}
