using System.Threading.Channels;
using BiO.Grains;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Market;
using BiO.Persistence.MeterData;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace BiO.MarketIntake;

/// <summary>
/// Stores RSM-012 documents and hands their meter data to the cluster, in two stages that each serve many documents at
/// once. Storing (group commit): whatever documents are waiting are stored in one statement and their series appended
/// in one more; then each caller is answered: a document is acknowledged once it is durable. Sending: the notices of
/// the stored documents are announced with as few queue messages as fit them (at most
/// <see cref="MaxArrivalsPerMessage"/> each) and the documents marked published in one statement. Sending runs
/// beside storing, so that the notices of many rounds share queue messages; what is stored but not sent (a failed
/// send, a crash) is sent again by the replay (<see cref="MarketIntake.ReplayAsync"/>).
/// </summary>
public sealed partial class MeterDataPublisher(
    IMarketDocumentStore documents, IMeterDataStore meterData, IClusterClient cluster, ILogger<MeterDataPublisher> logger)
    : BackgroundService
{
    /// <summary>
    /// At most this many notices in one queue message: each message costs the queue service a request to write, to
    /// read and to delete, whatever it holds. Packed (<see cref="MeterDataBatch"/>), a day's notice takes about 5 bytes.
    /// </summary>
    public const int MaxArrivalsPerMessage = 1000;

    /// <summary>
    /// At most this many packed bytes in one queue message: an Azure queue message holds 64 KiB, base64 encoded (4
    /// characters for 3 bytes), with the stream's envelope around the batch.
    /// </summary>
    public const int MaxPackedBytesPerMessage = 40 * 1024;

    /// <summary>
    /// The partition streams the notices go out on (at least as many as the cluster has queues). The notices waiting
    /// are cut into as few messages as <see cref="MaxArrivalsPerMessage"/> allows, each sent on the next of these
    /// streams in turn: a few documents cost one queue message (each costs Azure Storage, Azurite, a request to write,
    /// to read and to delete), and a stream of them spreads over every queue. The partition grain hands every notice to
    /// its own metering point, whichever stream it came on; the notices are idempotent and need no order.
    /// </summary>
    public const int StreamsPerRound = 8;

    /// <summary>
    /// How long notices may wait for more to fill a queue message. Acknowledging does not wait for it (a document is
    /// acknowledged once stored); it delays only the grains' hearing of the data, by a fraction of a second.
    /// </summary>
    public static readonly TimeSpan SendLinger = TimeSpan.FromMilliseconds(100);

    private const int MaxDocumentsPerRound = 1024;
    private const int MaxSeriesPerRound = 8192;

    private long messagesSent; // only the sending loop sends

    private readonly Channel<Pending> toStore = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Pending> toSend = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>
    /// Stores <paramref name="document"/> once per mRID and, when it is new, appends its series; completes when that is
    /// durable (its notices are sent after). A duplicate or a reused id is answered as soon as it is known.
    /// </summary>
    public async Task<StoreOutcome> AcceptAsync(ReceivedDocument document, IReadOnlyList<StoredSeries> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pending = new Pending(document.DocumentId, document, series);
        await toStore.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Stored.Task; // the round answers within moments, stored or failed: nothing to cancel
    }

    /// <summary>Appends, announces and marks published the meter data of an already stored document (the replay); completes when sent.</summary>
    public async Task PublishAsync(string documentId, IReadOnlyList<StoredSeries> series, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(documentId, null, series);
        await toStore.Writer.WriteAsync(pending, cancellationToken);
        await pending.Stored.Task.WaitAsync(cancellationToken);
        await pending.Sent.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(StoreLoopAsync(stoppingToken), SendLoopAsync(stoppingToken));

    private async Task StoreLoopAsync(CancellationToken cancellationToken)
    {
        var round = new List<Pending>();
        while (await toStore.Reader.WaitToReadAsync(cancellationToken))
        {
            round.Clear();
            var seriesCount = 0;
            while (round.Count < MaxDocumentsPerRound && seriesCount < MaxSeriesPerRound && toStore.Reader.TryRead(out var next))
            {
                round.Add(next);
                seriesCount += next.Series.Count;
            }

            IntakeMetrics.RoundStored();
            foreach (var stored in await StoreRoundAsync(round, cancellationToken))
            {
                toSend.Writer.TryWrite(stored); // unbounded: never refused
            }
        }
    }

    // Stores the round's new documents and appends the series of those and of the replayed ones; answers each caller;
    // returns what is to be sent.
    private async Task<List<Pending>> StoreRoundAsync(List<Pending> round, CancellationToken cancellationToken)
    {
        try
        {
            var received = round.Where(p => p.Document is not null).ToList();
            var outcomes = received.Count > 0 ? await documents.StoreManyAsync(received.Select(p => p.Document!).ToList(), cancellationToken) : [];
            for (var i = 0; i < received.Count; i++)
            {
                if (outcomes[i] != StoreOutcome.Stored)
                {
                    received[i].Stored.TrySetResult(outcomes[i]); // nothing new: nothing to append or send
                }
            }

            var toAppend = round.Where(p => !p.Stored.Task.IsCompleted).ToList();
            await meterData.AppendAsync(toAppend.SelectMany(p => p.Series).ToList(), cancellationToken);
            toAppend.ForEach(p => p.Stored.TrySetResult(StoreOutcome.Stored));
            return toAppend;
        }
        catch (Exception ex)
        {
            // What was stored stays stored and unpublished: the replay appends and sends it later.
            round.ForEach(p => p.Stored.TrySetException(ex));
            return [];
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Pending>();
        var keptBack = new List<Pending>(); // the tail of the last batch, waiting to fill a message
        while (keptBack.Count > 0 || await toSend.Reader.WaitToReadAsync(cancellationToken))
        {
            // Whatever has been stored meanwhile, up to a message on every stream; waiting up to SendLinger for a
            // message's worth, so that a steady flow of documents fills its messages.
            batch.Clear();
            batch.AddRange(keptBack);
            keptBack.Clear();
            var notices = batch.Sum(p => p.Series.Count);
            var lingerUntil = DateTime.UtcNow + SendLinger;
            var lingerOver = false;
            while (notices < MaxArrivalsPerMessage * StreamsPerRound)
            {
                if (toSend.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    notices += next.Series.Count;
                }
                else if (notices >= MaxArrivalsPerMessage)
                {
                    break;
                }
                else if (DateTime.UtcNow >= lingerUntil || !await MoreWithinAsync(lingerUntil, cancellationToken))
                {
                    lingerOver = true;
                    break;
                }
            }

            // Full messages only while the linger lasts: the documents that would part-fill the last one wait for the next.
            for (var rest = lingerOver ? 0 : notices % MaxArrivalsPerMessage; rest > 0 && batch[^1].Series.Count <= rest; batch.RemoveAt(batch.Count - 1))
            {
                rest -= batch[^1].Series.Count;
                keptBack.Insert(0, batch[^1]);
            }

            try
            {
                await SendAsync(batch, cancellationToken);
                batch.ForEach(p => p.Sent.TrySetResult());
            }
            catch (Exception ex)
            {
                // Stored and acknowledged, not sent: the replay sends them later (at the next start when stopping).
                batch.ForEach(p => p.Sent.TrySetException(ex));
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                SendFailed(ex, batch.Count);
            }
        }
    }

    // Whether more is stored before `until`.
    private async Task<bool> MoreWithinAsync(DateTime until, CancellationToken cancellationToken)
    {
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linger.CancelAfter(until - DateTime.UtcNow);
        try
        {
            return await toSend.Reader.WaitToReadAsync(linger.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task SendAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var provider = cluster.GetStreamProvider(StreamNames.MarketProvider);
        var arrivals = batch.SelectMany(p => p.Series
            .GroupBy(s => s.Gsrn, StringComparer.Ordinal)
            .Select(point => new MeterDataArrived(
                p.DocumentId,
                point.Key,
                point.Select(s => new SeriesArrival(s.Version.VersionId, s.Version.ReceivedAt, SeriesVersions.Covers(s.Version))).ToList())));
        var messages = arrivals.Chunk(MaxArrivalsPerMessage).SelectMany(chunk => MeterDataBatch.Within(chunk, MaxPackedBytesPerMessage)).ToList();
        await Task.WhenAll(messages.Select(message => provider
            .GetStream<MeterDataBatch>(StreamId.Create(StreamNames.MeterDataPartition, NextStream()))
            .OnNextAsync(message)));
        IntakeMetrics.MessagesSent(messages.Count);
        await documents.MarkPublishedAsync(batch.Select(p => p.DocumentId).Distinct().ToList(), cancellationToken);
    }

    private string NextStream() =>
        (++messagesSent % StreamsPerRound).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the meter data notices of {Count} stored document(s) failed; the replay sends them later")]
    private partial void SendFailed(Exception exception, int count);

    /// <summary>A document on its way; <see cref="Document"/> is null when it is stored already (replay).</summary>
    private sealed record Pending(string DocumentId, ReceivedDocument? Document, IReadOnlyList<StoredSeries> Series)
    {
        /// <summary>Answered when the document is durable (or known to be a duplicate or a reused id).</summary>
        public TaskCompletionSource<StoreOutcome> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when its notices are sent and it is marked published.</summary>
        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
