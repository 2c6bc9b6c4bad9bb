using System.Threading.Channels;
using BiO.Grains;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Market;
using BiO.Persistence.MeterData;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Orleans.Runtime;

namespace BiO.MarketIntake;

/// <summary>
/// Stores RSM-012 documents and hands their meter data to the cluster in coalesced rounds (group commit): whatever
/// documents are waiting are stored in one statement, their series appended in one COPY, announced with as few queue
/// messages as fit them (at most <see cref="MaxArrivalsPerMessage"/> notices each) and marked published
/// in one statement; only then is each waiting caller answered. Concurrent documents thus share round trips, WAL
/// flushes and queue messages instead of paying them one each.
/// </summary>
public sealed class MeterDataPublisher(IMarketDocumentStore documents, IMeterDataStore meterData, IClusterClient cluster, IClock clock)
    : BackgroundService
{
    /// <summary>At most this many notices in one queue message (Azure queue messages hold 64 KiB).</summary>
    public const int MaxArrivalsPerMessage = 200;

    /// <summary>
    /// The partition streams the notices go out on (as many as the cluster has queues by default). A round's notices
    /// are cut into as few messages as <see cref="MaxArrivalsPerMessage"/> allows, each sent on the next of these
    /// streams in turn: a round of a few documents costs one queue message (each costs Azure Storage, Azurite, a request
    /// to write, to read and to delete), and a stream of rounds spreads over every queue. The partition grain hands
    /// every notice to its own metering point, whichever stream it came on; the notices are idempotent and need no order.
    /// </summary>
    public const int StreamsPerRound = 8;

    private const int MaxDocumentsPerRound = 1024;
    private const int MaxSeriesPerRound = 8192;

    private long messagesSent; // only the round loop sends

    private readonly Channel<Pending> waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Stores <paramref name="document"/> once per mRID and, when it is new, appends, announces and marks published its
    /// series; completes when all that is durable and sent. A duplicate or a reused id is answered as soon as it is known.
    /// </summary>
    public async Task<StoreOutcome> AcceptAsync(ReceivedDocument document, IReadOnlyList<StoredSeries> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pending = new Pending(document.DocumentId, document, series, new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await waiting.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Appends, announces and marks published the meter data of an already stored document (the replay); completes when done.</summary>
    public async Task PublishAsync(string documentId, IReadOnlyList<StoredSeries> series, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(documentId, null, series, new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await waiting.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = new List<Pending>();
        while (await waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            round.Clear();
            var seriesCount = 0;
            while (round.Count < MaxDocumentsPerRound && seriesCount < MaxSeriesPerRound && waiting.Reader.TryRead(out var next))
            {
                round.Add(next);
                seriesCount += next.Series.Count;
            }

            await RunRoundAsync(round, stoppingToken);
        }
    }

    private async Task RunRoundAsync(List<Pending> round, CancellationToken cancellationToken)
    {
        var toPublish = round;
        try
        {
            var toStore = round.Where(p => p.Document is not null).ToList();
            if (toStore.Count > 0)
            {
                var outcomes = await documents.StoreManyAsync(toStore.Select(p => p.Document!).ToList(), cancellationToken);
                for (var i = 0; i < toStore.Count; i++)
                {
                    if (outcomes[i] != StoreOutcome.Stored)
                    {
                        toStore[i].Done.TrySetResult(outcomes[i]); // nothing new: nothing to publish
                    }
                }

                toPublish = round.Where(p => !p.Done.Task.IsCompleted).ToList();
            }

            if (toPublish.Count > 0)
            {
                await PublishRoundAsync(toPublish, cancellationToken);
            }

            toPublish.ForEach(p => p.Done.TrySetResult(StoreOutcome.Stored));
        }
        catch (Exception ex)
        {
            // What was stored stays stored and unpublished: the replay publishes it later.
            round.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    private async Task PublishRoundAsync(IReadOnlyList<Pending> round, CancellationToken cancellationToken)
    {
        await meterData.AppendAsync(round.SelectMany(p => p.Series).ToList(), cancellationToken);
        var provider = cluster.GetStreamProvider(StreamNames.MarketProvider);
        var arrivals = round.SelectMany(p => p.Series
            .GroupBy(s => s.Gsrn, StringComparer.Ordinal)
            .Select(point => new MeterDataArrived(
                p.DocumentId,
                point.Key,
                point.Select(s => new SeriesArrival(s.Version.VersionId, s.Version.ReceivedAt, SeriesVersions.Covers(s.Version))).ToList())));
        await Task.WhenAll(arrivals.Chunk(MaxArrivalsPerMessage).Select(message => provider
            .GetStream<MeterDataBatch>(StreamId.Create(StreamNames.MeterDataPartition, NextStream()))
            .OnNextAsync(new MeterDataBatch(message))));
        await documents.MarkPublishedAsync(round.Select(p => p.DocumentId).Distinct().ToList(), clock.GetCurrentInstant(), cancellationToken);
    }

    private string NextStream() =>
        (++messagesSent % StreamsPerRound).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A document waiting for a round; <see cref="Document"/> is null when it is stored already (replay).</summary>
    private sealed record Pending(string DocumentId, ReceivedDocument? Document, IReadOnlyList<StoredSeries> Series, TaskCompletionSource<StoreOutcome> Done);
}
