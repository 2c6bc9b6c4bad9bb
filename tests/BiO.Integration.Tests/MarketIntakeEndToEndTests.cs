using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.Testing;
using NodaTime;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "EndToEnd")]
public class MarketIntakeEndToEndTests(Services services)
{
    private static readonly LocalDate Day = new(2026, 3, 2);
    private static readonly Interval DayInterval = BillingTime.Day(Day);

    private static Rsm012.Series DaySeries(string seriesId, string gsrn, decimal quantity, int? missingPosition = null) =>
        new(seriesId, gsrn, DayInterval.Start, DayInterval.End,
            Enumerable.Range(1, 96).Select(p => p == missingPosition ? (decimal?)null : quantity).ToList());

    private static StringContent Content(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);

    // Master data makes a metering point known to us (valid from a month before the day).
    private static StringContent MasterData(string gsrn) =>
        Content(AccountingPoint.Xml("e07-" + gsrn, gsrn, DayInterval.Start - Duration.FromDays(30)), "application/xml");

    [Fact]
    public async Task Documents_posted_to_the_adapter_reach_the_grains_over_Azure_queues_once_and_survive_a_silo_restart()
    {
        var clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        var settings = Host.Cluster(clusterId, services.NewDatabase("e2e"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        const string first = "571313000000004001", second = "571313000000004002";
        var json = Rsm012.Json("doc-json-1", DaySeries("s-1", first, 0.25m, missingPosition: 40), DaySeries("s-2", second, 0.5m));
        var xml = Rsm012.Xml("doc-xml-1", DaySeries("s-3", first, 0.3m));

        await using (var silo = await Host.SiloAsync(settings))
        await using (var adapter = await Host.MarketAdapterAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), MasterData(first))).StatusCode);
            var accepted = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(json, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var again = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(json, "application/json"));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("\"status\":\"Duplicate\"", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            var point = silo.Client.GetGrain<IMeteringPointGrain>(first);
            var afterFirst = Instant.FromUtc(2100, 1, 1, 0, 0);
            await Eventually.AssertAsync(async () => (await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst))).Versions == 1,
                TimeSpan.FromSeconds(30), "the JSON document's series should reach metering point " + first);
            var view = await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst));
            Assert.Equal([new Interval(DayInterval.Start + Duration.FromMinutes(15 * 39), DayInterval.Start + Duration.FromMinutes(15 * 40))], view.Missing);

            // The second point is unknown to us: its series is kept, and applied when its master data arrives.
            var unknown = silo.Client.GetGrain<IMeteringPointGrain>(second);
            await Eventually.AssertAsync(async () => (await unknown.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst))).AwaitingMasterData == 1,
                TimeSpan.FromSeconds(30), "the series of unknown point " + second + " should be kept");
            Assert.Null((await unknown.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst))).Total);
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), MasterData(second))).StatusCode);
            Assert.Equal(0.5m * 96, (await unknown.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst))).Total);

            var correction = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(xml, "application/xml"));
            Assert.Equal(HttpStatusCode.Accepted, correction.StatusCode);
            await Eventually.AssertAsync(async () => (await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, afterFirst))).Total == 0.3m * 96,
                TimeSpan.FromSeconds(30), "the XML correction should complete the day");

            // The notices travelled through Azurite: the cluster's queues exist there.
            var queues = new List<string>();
            await foreach (var queue in new Azure.Storage.Queues.QueueServiceClient(services.AzureQueues).GetQueuesAsync(prefix: clusterId))
            {
                queues.Add(queue.Name);
            }

            Assert.Equal([$"{clusterId}-market-0", $"{clusterId}-market-1"], queues.Order().ToList());
        }

        // A new silo on the same database: the point rebuilds its index from PostgreSQL.
        await using (var silo = await Host.SiloAsync(settings))
        {
            var view = await silo.Client.GetGrain<IMeteringPointGrain>(first).GetMeterDataAsync(new MeterDataQuery(DayInterval, Instant.FromUtc(2100, 1, 1, 0, 0)));
            Assert.Equal(2, view.Versions);
            Assert.Equal(0.3m * 96, view.Total);
        }
    }

    [Fact]
    public async Task A_malformed_document_is_rejected_with_its_place_kept_as_a_dead_letter_and_changes_nothing()
    {
        var settings = Host.Cluster("bad-" + Guid.NewGuid().ToString("N")[..12], services.NewDatabase("dead"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        const string gsrn = "571313000000004003";
        var good = Rsm012.Json("doc-ok", DaySeries("s-ok", gsrn, 0.25m));
        var badQuantity = good.Replace("\"doc-ok\"", "\"doc-bad\"", StringComparison.Ordinal).Replace("\"quantity\":0.25}", "\"quantity\":\"many\"}", StringComparison.Ordinal);
        var outside = Rsm012.Json("doc-outside", DaySeries("s-out", gsrn, 0.25m)).Replace("\"position\":{\"value\":96}", "\"position\":{\"value\":97}", StringComparison.Ordinal);

        await using var silo = await Host.SiloAsync(settings);
        await using var adapter = await Host.MarketAdapterAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };

        var bad = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(badQuantity, "application/json"));
        var beyond = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(outside, "application/json"));
        var unknownType = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(good, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badText = await bad.Content.ReadAsStringAsync();
        Assert.Contains("doc-bad", badText, StringComparison.Ordinal);
        Assert.Contains("Series[0].Period.Point[0].quantity", badText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("97", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);

        using var rejected = JsonDocument.Parse(await http.GetStringAsync(new Uri("/market/rejected", UriKind.Relative)));
        Assert.Equal(3, rejected.RootElement.GetArrayLength());
        Assert.Equal("doc-bad", rejected.RootElement[2].GetProperty("documentId").GetString());

        await Task.Delay(500);
        var view = await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).GetMeterDataAsync(new MeterDataQuery(DayInterval, Instant.FromUtc(2100, 1, 1, 0, 0)));
        Assert.Equal(0, view.Versions);

        // The good document is still accepted afterwards: nothing accepted was lost, nothing rejected was kept.
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(good, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_stored_document_that_was_never_published_is_replayed_to_its_grain()
    {
        var database = services.NewDatabase("replay");
        var settings = Host.Cluster("rp-" + Guid.NewGuid().ToString("N")[..12], database, services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        const string gsrn = "571313000000004004";
        Assert.Equal(0, await BiO.Hosting.BiOHost.MigrateAsync([], new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database }));
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(database))
        {
            // As if the adapter had stored it and crashed before publishing.
            var body = Encoding.UTF8.GetBytes(Rsm012.Json("doc-crash", DaySeries("s-crash", gsrn, 0.125m)));
            var stored = await new BiO.Persistence.Market.MarketDocumentStore(dataSource).StoreAsync(
                new BiO.Persistence.Market.ReceivedDocument("doc-crash", "E66", "application/json", body, Instant.FromUtc(2026, 3, 3, 4, 0)));
            Assert.Equal(BiO.Persistence.Market.StoreOutcome.Stored, stored);
        }

        await using var silo = await Host.SiloAsync(settings);
        await using var adapter = await Host.MarketAdapterAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), MasterData(gsrn))).StatusCode);
        var point = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await Eventually.AssertAsync(
            async () => (await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, Instant.FromUtc(2100, 1, 1, 0, 0)))).Total == 0.125m * 96,
            TimeSpan.FromSeconds(30), "the unpublished document should be replayed to " + gsrn);
    }

    [Fact]
    public async Task A_document_is_acknowledged_once_stored_even_when_its_notices_cannot_be_sent_and_reaches_its_grain_later()
    {
        var database = services.NewDatabase("ack");
        var settings = Host.Cluster("ak-" + Guid.NewGuid().ToString("N")[..12], database, services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        const string gsrn = "571313000000004006";
        var json = Rsm012.Json("doc-ack", DaySeries("s-ack", gsrn, 0.5m));
        await using var silo = await Host.SiloAsync(settings);

        // An adapter whose queue service is unreachable: the document is stored and acknowledged, its notices not sent.
        var away = new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:AzureQueues"] = System.Text.RegularExpressions.Regex.Replace(services.AzureQueues, "QueueEndpoint=[^;]+;", "QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;"),
        };
        await using (var adapter = await Host.MarketAdapterAsync(away))
        {
            using var http = new HttpClient { BaseAddress = new Uri(adapter.Url) };
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), MasterData(gsrn))).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(json, "application/json"))).StatusCode);
        }

        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(database))
        {
            var unpublished = await new BiO.Persistence.Market.MarketDocumentStore(dataSource).UnpublishedAsync(10);
            Assert.Contains("doc-ack", unpublished.Select(d => d.DocumentId));
        }

        // With the queues back, the replay sends what was stored: nothing acknowledged is lost.
        await using var back = await Host.MarketAdapterAsync(settings);
        var point = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await Eventually.AssertAsync(
            async () => (await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, Instant.FromUtc(2100, 1, 1, 0, 0)))).Total == 0.5m * 96,
            TimeSpan.FromSeconds(60), "the acknowledged document should reach " + gsrn + " once the queues are back");
    }

    [Fact]
    public async Task The_embedded_default_takes_documents_in_its_one_process_without_a_database()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "emb-" + Guid.NewGuid().ToString("N")[..8],
            ["BiO:MarketIntake:GridAreaPriceAreas:344"] = "DK1",
        });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        const string gsrn = "571313000000004005";
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), MasterData(gsrn))).StatusCode);

        var posted = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(Rsm012.Xml("doc-emb", DaySeries("s-emb", gsrn, 1.5m)), "application/xml"));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var point = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await Eventually.AssertAsync(
            async () => (await point.GetMeterDataAsync(new MeterDataQuery(DayInterval, Instant.FromUtc(2100, 1, 1, 0, 0)))).Total == 1.5m * 96,
            TimeSpan.FromSeconds(10), "the embedded silo should apply its own intake");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Content(Rsm012.Xml("doc-emb", DaySeries("s-emb", gsrn, 1.5m)), "application/xml"))).StatusCode);
    }
}
