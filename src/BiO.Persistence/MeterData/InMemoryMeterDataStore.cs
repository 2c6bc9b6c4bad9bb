using System.Collections.Concurrent;
using System.Collections.Immutable;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Persistence.MeterData;

/// <summary>The meter data store of the embedded profile without a database: lost when the process stops.</summary>
public sealed class InMemoryMeterDataStore : IMeterDataStore
{
    private readonly ConcurrentDictionary<string, ImmutableList<StoredSeries>> byPoint = new(StringComparer.Ordinal);

    public Task<int> AppendAsync(IReadOnlyCollection<StoredSeries> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var added = 0;
        foreach (var series in batch)
        {
            var isNew = false;
            byPoint.AddOrUpdate(
                series.Gsrn,
                _ => { isNew = true; return [series]; },
                (_, list) =>
                {
                    isNew = !list.Exists(s => s.Version.VersionId == series.Version.VersionId);
                    return isNew ? list.Add(series) : list;
                });
            added += isNew ? 1 : 0;
        }

        return Task.FromResult(added);
    }

    public Task<MeteringPointSeries> ReadAsync(string gsrn, Interval period, CancellationToken cancellationToken = default)
    {
        var versions = Stored(gsrn)
            .Where(s => SeriesVersions.Covers(s.Version) is var covers && covers.Start < period.End && covers.End > period.Start)
            .Select(s => s.Version)
            .ToImmutableList();
        return Task.FromResult(new MeteringPointSeries(gsrn, versions));
    }

    public Task<IReadOnlyList<SeriesEntry>> ReadIndexAsync(string gsrn, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SeriesEntry>>(
            Stored(gsrn).Select(s => new SeriesEntry(s.Version.VersionId, s.DocumentId, s.Version.ReceivedAt, SeriesVersions.Covers(s.Version))).ToList());

    private IEnumerable<StoredSeries> Stored(string gsrn) =>
        byPoint.TryGetValue(gsrn, out var list)
            ? list.OrderBy(s => s.Version.ReceivedAt).ThenBy(s => s.Version.VersionId, StringComparer.Ordinal)
            : [];
}
