using System.Buffers.Binary;
using System.Collections.Immutable;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace BiO.Persistence.MeterData;

/// <summary>A series version with the metering point and document it came in.</summary>
public sealed record StoredSeries(string Gsrn, string DocumentId, SeriesVersion Version);

/// <summary>
/// Meter data versions in PostgreSQL (bio.meter_data_version): appended in batches by binary COPY, never rewritten;
/// idempotent by (GSRN, series mRID); read back per metering point and period. Index reads that arrive together
/// (metering point grains activated by one batch of notices) share one query.
/// </summary>
public sealed class MeterDataStore(NpgsqlDataSource dataSource) : IMeterDataStore
{
    /// <summary>At most this many metering points' indexes in one query.</summary>
    private const int MaxPointsPerIndexRead = 1000;

    private readonly Lock gate = new();
    private List<(string Gsrn, TaskCompletionSource<IReadOnlyList<SeriesEntry>> Done)> waitingIndexReads = [];
    private bool readingIndexes;

    private const string Columns = "gsrn, version_id, document_id, received_at, start_at, end_at, resolution, points";

    /// <summary>Appends the versions not stored yet; returns how many were new (a re-delivered series is skipped).</summary>
    public async Task<int> AppendAsync(IReadOnlyCollection<StoredSeries> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        // One statement over arrays: no staging table to create and drop (catalog churn) and no second statement.
        var count = batch.Count;
        var gsrns = new string[count];
        var versionIds = new string[count];
        var documentIds = new string[count];
        var receivedAt = new DateTime[count];
        var starts = new DateTime[count];
        var ends = new DateTime[count];
        var resolutions = new string[count];
        var points = new byte[count][];
        var i = 0;
        foreach (var (gsrn, documentId, version) in batch)
        {
            gsrns[i] = gsrn;
            versionIds[i] = version.VersionId;
            documentIds[i] = documentId;
            receivedAt[i] = version.ReceivedAt.ToDateTimeUtc();
            starts[i] = version.Start.ToDateTimeUtc();
            ends[i] = SeriesVersions.Covers(version).End.ToDateTimeUtc();
            resolutions[i] = version.Resolution.Code;
            points[i] = PackedPoints.Pack(version.Points);
            i++;
        }

        await using var insert = dataSource.CreateCommand($"""
            insert into bio.meter_data_version ({Columns})
            select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::bytea[])
            on conflict (gsrn, version_id) do nothing
            """);
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = gsrns });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = versionIds });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = documentIds });
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = receivedAt });
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = starts });
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = ends });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = resolutions });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = points });
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every stored version of <paramref name="gsrn"/> that touches <paramref name="period"/>, oldest received first.</summary>
    public async Task<MeteringPointSeries> ReadAsync(string gsrn, Interval period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            select version_id, received_at, start_at, resolution, points
            from bio.meter_data_version
            where gsrn = $1 and start_at < $3 and end_at > $2
            order by received_at, version_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = gsrn });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = period.Start.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = period.End.ToDateTimeUtc() });
        var versions = ImmutableList.CreateBuilder<SeriesVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var points = PackedPoints.Unpack(reader.GetFieldValue<byte[]>(4));
            versions.Add(new SeriesVersion(
                reader.GetString(0),
                Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(1)),
                Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(2)),
                Resolution.Parse(reader.GetString(3)),
                points));
        }

        return new MeteringPointSeries(gsrn, versions.ToImmutable());
    }

    /// <summary>
    /// The index of every version stored for <paramref name="gsrn"/>, oldest received first. Calls made while another
    /// index read is under way wait for it and are then served together by one query (<see cref="ReadIndexesAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<SeriesEntry>> ReadIndexAsync(string gsrn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gsrn);
        var done = new TaskCompletionSource<IReadOnlyList<SeriesEntry>>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (gate)
        {
            waitingIndexReads.Add((gsrn, done));
            start = !readingIndexes;
            readingIndexes = true;
        }

        if (start)
        {
            _ = Task.Run(ReadWaitingIndexesAsync, CancellationToken.None);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    // Serves the waiting index reads, a query for up to MaxPointsPerIndexRead points at a time, until none wait.
    private async Task ReadWaitingIndexesAsync()
    {
        while (true)
        {
            List<(string Gsrn, TaskCompletionSource<IReadOnlyList<SeriesEntry>> Done)> batch;
            lock (gate)
            {
                if (waitingIndexReads.Count == 0)
                {
                    readingIndexes = false;
                    return;
                }

                batch = waitingIndexReads.Take(MaxPointsPerIndexRead).ToList();
                waitingIndexReads.RemoveRange(0, batch.Count);
            }

            try
            {
                var indexes = await ReadIndexesAsync(batch.Select(r => r.Gsrn).ToList(), CancellationToken.None);
                batch.ForEach(r => r.Done.TrySetResult(indexes[r.Gsrn]));
            }
            catch (Exception ex)
            {
                batch.ForEach(r => r.Done.TrySetException(ex));
            }
        }
    }

    /// <summary>The indexes of many metering points in one query; a point with no versions has an empty list.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesEntry>>> ReadIndexesAsync(IReadOnlyCollection<string> gsrns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gsrns);
        var indexes = new Dictionary<string, List<SeriesEntry>>(StringComparer.Ordinal);
        foreach (var gsrn in gsrns)
        {
            indexes.TryAdd(gsrn, []);
        }

        if (indexes.Count > 0)
        {
            await using var command = dataSource.CreateCommand("""
                select gsrn, version_id, document_id, received_at, start_at, resolution, substring(points from 1 for 4), end_at
                from bio.meter_data_version where gsrn = any($1) order by gsrn, received_at, version_id
                """);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = indexes.Keys.ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var start = Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(4));
                var firstPosition = BinaryPrimitives.ReadInt32BigEndian(reader.GetFieldValue<byte[]>(6));
                var first = Resolution.Parse(reader.GetString(5)).IntervalAt(start, firstPosition).Start;
                indexes[reader.GetString(0)].Add(new SeriesEntry(
                    reader.GetString(1),
                    reader.GetString(2),
                    Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(3)),
                    new Interval(first, Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(7)))));
            }
        }

        return indexes.ToDictionary(i => i.Key, i => (IReadOnlyList<SeriesEntry>)i.Value, StringComparer.Ordinal);
    }
}
