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
/// Hands stored documents' meter data to the cluster in coalesced rounds: whatever documents are waiting are appended
/// to the meter data store in one COPY, announced with one queue message per partition of metering points, and marked
/// published in one statement; then each waiting caller is answered. Concurrent documents thus share round trips
/// and queue messages instead of paying one each per metering point.
/// </summary>
public sealed class MeterDataPublisher(IMarketDocumentStore documents, IMeterDataStore meterData, IClusterClient cluster, IClock clock)
    : BackgroundService
{
    private const int MaxDocumentsPerRound = 512;

    private readonly Channel<Pending> waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Appends, announces and marks published the meter data of one stored document; completes when done.</summary>
    public async Task PublishAsync(string documentId, IReadOnlyList<StoredSeries> series, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(documentId, series, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await waiting.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = new List<Pending>(MaxDocumentsPerRound);
        while (await waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            round.Clear();
            while (round.Count < MaxDocumentsPerRound && waiting.Reader.TryRead(out var next))
            {
                round.Add(next);
            }

            try
            {
                await PublishRoundAsync(round, stoppingToken);
                round.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // The documents stay stored and unpublished: the replay publishes them later.
                round.ForEach(p => p.Done.TrySetException(ex));
            }
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
        await Task.WhenAll(arrivals
            .GroupBy(a => MeterDataPartitions.Of(a.Gsrn), StringComparer.Ordinal)
            .Select(partition => provider
                .GetStream<MeterDataBatch>(StreamId.Create(StreamNames.MeterDataPartition, partition.Key))
                .OnNextAsync(new MeterDataBatch(partition.ToList()))));
        await documents.MarkPublishedAsync(round.Select(p => p.DocumentId).Distinct().ToList(), clock.GetCurrentInstant(), cancellationToken);
    }

    private sealed record Pending(string DocumentId, IReadOnlyList<StoredSeries> Series, TaskCompletionSource Done);
}
