using Azure.Storage.Queues;
using BiO.Grains;
using BiO.Grains.MeteringPoints;
using NodaTime;
using Orleans.Runtime;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class AzureQueueStreamTests(Services services)
{
    [Fact]
    public async Task A_document_published_on_an_Azure_queue_stream_activates_its_metering_point()
    {
        var clusterId = "aq-" + Guid.NewGuid().ToString("N")[..12];
        var settings = Host.Cluster(clusterId, services.NewDatabase("queues"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        await using var silo = await Host.SiloAsync(settings);
        await using var gateway = await Host.GatewayAsync(settings);
        const string gsrn = "571313000000003007";
        var notice = new MarketDocumentNotice(
            "queued-1", "E66", gsrn,
            new Interval(Instant.FromUtc(2026, 3, 1, 23, 0), Instant.FromUtc(2026, 3, 2, 23, 0)),
            Instant.FromUtc(2026, 3, 3, 4, 0));

        var stream = gateway.Client.GetStreamProvider(StreamNames.MarketProvider)
            .GetStream<MarketDocumentNotice>(StreamId.Create(StreamNames.MeteringPointDocuments, gsrn));
        await stream.OnNextAsync(notice);

        var grain = gateway.Client.GetGrain<IMeteringPointGrain>(gsrn);
        Assert.True(await Eventually.HoldsAsync(async () => (await grain.GetSnapshotAsync()).Documents.Count == 1, TimeSpan.FromSeconds(30)),
            "the streamed document did not reach the metering point grain");
        Assert.Equal("queued-1", (await grain.GetSnapshotAsync()).Documents[0].DocumentId);

        // It travelled through Azurite: the cluster's queues exist there.
        var queues = new QueueServiceClient(services.AzureQueues).GetQueuesAsync(prefix: clusterId);
        var names = new List<string>();
        await foreach (var queue in queues)
        {
            names.Add(queue.Name);
        }

        Assert.Equal([$"{clusterId}-market-0", $"{clusterId}-market-1"], names.Order().ToList());
    }
}
