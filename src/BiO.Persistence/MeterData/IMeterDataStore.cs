using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Persistence.MeterData;

/// <summary>What is stored of one series version, without its values: enough for a metering point's index.</summary>
/// <param name="VersionId">The series mRID.</param>
/// <param name="DocumentId">The document it came in.</param>
/// <param name="ReceivedAt">When BiO received it.</param>
/// <param name="Covers">The intervals from its first to its last point.</param>
public sealed record SeriesEntry(string VersionId, string DocumentId, Instant ReceivedAt, Interval Covers);

/// <summary>Meter data versions as received: appended, never rewritten; PostgreSQL or, in the embedded profile without a database, memory.</summary>
public interface IMeterDataStore
{
    /// <summary>Appends the versions not stored yet (idempotent by GSRN + series mRID); returns how many were new.</summary>
    Task<int> AppendAsync(IReadOnlyCollection<StoredSeries> batch, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of <paramref name="gsrn"/> touching <paramref name="period"/>, oldest received first.</summary>
    Task<MeteringPointSeries> ReadAsync(string gsrn, Interval period, CancellationToken cancellationToken = default);

    /// <summary>The index of every version stored for <paramref name="gsrn"/>, oldest received first.</summary>
    Task<IReadOnlyList<SeriesEntry>> ReadIndexAsync(string gsrn, CancellationToken cancellationToken = default);

    /// <summary>The indexes of many metering points at once (each as <see cref="ReadIndexAsync"/>; a point with no versions has an empty list).</summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesEntry>>> ReadIndexesAsync(IReadOnlyCollection<string> gsrns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gsrns);
        var indexes = new Dictionary<string, IReadOnlyList<SeriesEntry>>(StringComparer.Ordinal);
        foreach (var gsrn in gsrns.Distinct(StringComparer.Ordinal))
        {
            indexes[gsrn] = await ReadIndexAsync(gsrn, cancellationToken);
        }

        return indexes;
    }
}

/// <summary>Helpers shared by the stores.</summary>
public static class SeriesVersions
{
    /// <summary>The intervals a version covers, from its first to its last point.</summary>
    public static Interval Covers(SeriesVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new Interval(
            version.Resolution.IntervalAt(version.Start, version.Points[0].Position).Start,
            version.Resolution.IntervalAt(version.Start, version.Points[^1].Position).End);
    }
}
