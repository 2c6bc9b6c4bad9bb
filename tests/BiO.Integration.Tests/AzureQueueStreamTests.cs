using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using BiO.Grains.MeteringPoints;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class AzureQueueStreamTests(Services services)
{
    [Fact]
    public async Task A_document_posted_to_the_market_adapter_travels_an_Azure_queue_stream_and_activates_its_metering_point()
    {
        var clusterId = "aq-" + Guid.NewGuid().ToString("N")[..12];
        var (silo, adapter) = await StartAsync(clusterId);
        await using var _ = silo;
        await using var __ = adapter;
        const string gsrn = "571313000000003007";
        using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };

        var posted = await http.PostAsJsonAsync("/market/notices", new
        {
            documentId = "queued-1",
            documentType = "E66",
            gsrn,
            periodStart = "2026-03-01T23:00Z",
            periodEnd = "2026-03-02T23:00Z",
            createdAt = "2026-03-03T04:00Z",
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var grain = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
        Assert.True(await Eventually.HoldsAsync(async () => (await grain.GetSnapshotAsync()).Documents.Count == 1, TimeSpan.FromSeconds(30)),
            "the streamed document did not reach the metering point grain");
        Assert.Equal("queued-1", (await grain.GetSnapshotAsync()).Documents[0].DocumentId);

        // It travelled through Azurite: the cluster's queues exist there.
        var names = new List<string>();
        await foreach (var queue in new QueueServiceClient(services.AzureQueues).GetQueuesAsync(prefix: clusterId))
        {
            names.Add(queue.Name);
        }

        Assert.Equal([$"{clusterId}-market-0", $"{clusterId}-market-1"], names.Order().ToList());
    }

    [Fact]
    public async Task A_malformed_notice_is_rejected_with_its_reason_and_streams_nothing()
    {
        var (silo, adapter) = await StartAsync("bad-" + Guid.NewGuid().ToString("N")[..12]);
        await using var _ = silo;
        await using var __ = adapter;
        using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };

        var shortGsrn = await http.PostAsJsonAsync("/market/notices", new
        {
            documentId = "bad-1", documentType = "E66", gsrn = "57131300000000300", periodStart = "2026-03-01T23:00Z", periodEnd = "2026-03-02T23:00Z", createdAt = "2026-03-03T04:00Z",
        });
        var backwards = await http.PostAsJsonAsync("/market/notices", new
        {
            documentId = "bad-2", documentType = "E66", gsrn = "571313000000003008", periodStart = "2026-03-02T23:00Z", periodEnd = "2026-03-01T23:00Z", createdAt = "2026-03-03T04:00Z",
        });

        Assert.Equal(HttpStatusCode.BadRequest, shortGsrn.StatusCode);
        Assert.Contains("Document bad-1, field gsrn: A GSRN has exactly 18 digits", await shortGsrn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Document bad-2: periodEnd", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(500); // several poll periods: nothing may arrive
        Assert.Empty((await silo.Client.GetGrain<IMeteringPointGrain>("571313000000003008").GetSnapshotAsync()).Documents);
    }

    /// <summary>A Cluster-profile silo and a market adapter on their own database and queues.</summary>
    private async Task<(Host Silo, Host Adapter)> StartAsync(string clusterId)
    {
        var settings = Host.Cluster(clusterId, services.NewDatabase("queues"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        var silo = await Host.SiloAsync(settings);
        return (silo, await Host.MarketAdapterAsync(settings));
    }
}
