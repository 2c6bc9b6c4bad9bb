using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.MarketIntake;
using BiO.Persistence.MeterData;
using BiO.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>
/// The inbox folder takes many documents at once (PostgreSQL and Azure queues, the cluster profile): every file answered
/// and moved by its outcome, and files dated in name order so that a later file's meter data wins.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class InboxIntakeTests(Services services)
{
    private static readonly LocalDate Day = new(2026, 3, 2);
    private static readonly Interval DayInterval = BillingTime.Day(Day);
    private static readonly Instant Later = Instant.FromUtc(2100, 1, 1, 0, 0);

    private static Rsm012.Series DaySeries(string seriesId, string gsrn, decimal quantity) =>
        new(seriesId, gsrn, DayInterval.Start, DayInterval.End, Enumerable.Repeat((decimal?)quantity, 96).ToList());

    private static string MasterData(string gsrn) => AccountingPoint.Xml("e07-" + gsrn, gsrn, DayInterval.Start - Duration.FromDays(30));

    private static string Gsrn(int prefix, int i) => $"5713130000{prefix:000}{i:00000}";

    // No BiO:MarketIntake:Inbox: the background loop stays idle and the tests call TakeAsync on their own folder.
    private async Task<(Host Silo, Host Adapter)> ClusterAsync(string name, long? bytesInFlight = null)
    {
        var settings = Host.Cluster(name + "-" + Guid.NewGuid().ToString("N")[..10], services.NewDatabase(name), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        settings["BiO:MarketIntake:InboxBytesInFlight"] = bytesInFlight?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var silo = await Host.SiloAsync(settings);
        return (silo, await Host.MarketAdapterAsync(settings));
    }

    private static string Exact(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    private static InboxService Inbox(Host adapter) => adapter.App.Services.GetRequiredService<InboxService>();

    private static string[] Names(DirectoryInfo folder, string pattern = "*") =>
        folder.Exists ? folder.GetFiles(pattern).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray() : [];

    [Fact]
    public async Task Hundreds_of_files_are_all_accepted_and_every_metering_point_gets_its_day()
    {
        const int points = 300;
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-many-");
        try
        {
            var quantities = Enumerable.Range(0, points).ToDictionary(i => Gsrn(101, i), i => (i % 9 + 1) * 0.125m);
            foreach (var (gsrn, quantity) in quantities)
            {
                // Each point's master data and its day, every third day as XML; all in flight together.
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"a-{gsrn}.xml"), MasterData(gsrn));
                var series = DaySeries("s-" + gsrn, gsrn, quantity);
                await (int.Parse(gsrn[^3..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0
                    ? File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"b-{gsrn}.xml"), Rsm012.Xml("doc-" + gsrn, series))
                    : File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"b-{gsrn}.json"), Rsm012.Json("doc-" + gsrn, series)));
            }

            var (silo, adapter) = await ClusterAsync("inbox_many");
            await using (silo)
            await using (adapter)
            {
                var answered = await Inbox(adapter).TakeAsync(inbox, CancellationToken.None);

                Assert.Equal(2 * points, answered);
                Assert.Empty(Names(inbox));
                Assert.Equal(2 * points, Names(new DirectoryInfo(Path.Combine(inbox.FullName, "accepted"))).Length);
                Assert.Empty(Names(new DirectoryInfo(Path.Combine(inbox.FullName, "rejected"))));
                Assert.Empty(Names(new DirectoryInfo(Path.Combine(inbox.FullName, "duplicate"))));
                await Eventually.AssertAsync(async () =>
                {
                    var views = await Task.WhenAll(quantities.Keys.Select(g =>
                        silo.Client.GetGrain<IMeteringPointGrain>(g).GetMeterDataAsync(new MeterDataQuery(DayInterval, Later))));
                    return views.All(v => v.Versions == 1 && v.Total == quantities[v.Gsrn] * 96);
                }, TimeSpan.FromSeconds(60), $"each of the {points} metering points should have its day with its own quantities");
            }
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Files_larger_than_the_bytes_allowed_in_flight_go_one_at_a_time_and_are_all_answered()
    {
        const int points = 15;
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-bytes-");
        try
        {
            var gsrns = Enumerable.Range(0, points).Select(i => Gsrn(105, i)).ToList();
            foreach (var gsrn in gsrns)
            {
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"{gsrn}-0-master.xml"), MasterData(gsrn));
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"{gsrn}-1-day.json"), Rsm012.Json("bytes-" + gsrn, DaySeries("s-bytes-" + gsrn, gsrn, 0.75m)));
            }

            // Alone in flight, each day document is stored in a round of its own (the intake's counter of rounds).
            long rounds = 0;
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IntakeMetrics.MeterName && instrument.Name == "bio.market.meter_data_rounds")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rounds, value));
            listener.Start();

            var (silo, adapter) = await ClusterAsync("inbox_bytes", bytesInFlight: 1);
            await using (silo)
            await using (adapter)
            {
                var roundsBefore = Interlocked.Read(ref rounds);
                Assert.Equal(2 * points, await Inbox(adapter).TakeAsync(inbox, CancellationToken.None));
                Assert.True(Interlocked.Read(ref rounds) - roundsBefore >= points, $"{Interlocked.Read(ref rounds) - roundsBefore} store rounds for {points} day documents taken one at a time");
                Assert.Equal(2 * points, Names(new DirectoryInfo(Path.Combine(inbox.FullName, "accepted"))).Length);
                await Eventually.AssertAsync(async () =>
                {
                    var views = await Task.WhenAll(gsrns.Select(g =>
                        silo.Client.GetGrain<IMeteringPointGrain>(g).GetMeterDataAsync(new MeterDataQuery(DayInterval, Later))));
                    return views.All(v => v.Versions == 1 && v.Total == 0.75m * 96);
                }, TimeSpan.FromSeconds(60), "every point should get its day");
            }
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_correction_named_after_its_original_wins_though_both_are_in_flight_together()
    {
        const int points = 40;
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-order-");
        try
        {
            var gsrns = Enumerable.Range(0, points).Select(i => Gsrn(102, i)).ToList();
            foreach (var gsrn in gsrns)
            {
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"{gsrn}-0-master.xml"), MasterData(gsrn));
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"{gsrn}-1-original.json"), Rsm012.Json("orig-" + gsrn, DaySeries("s-orig-" + gsrn, gsrn, 0.25m)));
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, $"{gsrn}-2-correction.xml"), Rsm012.Xml("corr-" + gsrn, DaySeries("s-corr-" + gsrn, gsrn, 0.5m)));
            }

            var (silo, adapter) = await ClusterAsync("inbox_order");
            await using (silo)
            await using (adapter)
            {
                var inboxService = Inbox(adapter);
                Assert.True(adapter.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketIntakeOptions>>().Value.InboxConcurrency > 1);

                Assert.Equal(3 * points, await inboxService.TakeAsync(inbox, CancellationToken.None));

                // As stored (PostgreSQL, to the microsecond): each correction received strictly after its original.
                var store = adapter.App.Services.GetRequiredService<IMeterDataStore>();
                foreach (var gsrn in gsrns)
                {
                    var index = await store.ReadIndexAsync(gsrn);
                    Assert.Equal(2, index.Count);
                    var original = index.Single(e => e.DocumentId == "orig-" + gsrn);
                    var correction = index.Single(e => e.DocumentId == "corr-" + gsrn);
                    Assert.True(correction.ReceivedAt > original.ReceivedAt, $"{gsrn}: correction {Exact(correction.ReceivedAt)} should be received after original {Exact(original.ReceivedAt)}");
                }

                await Eventually.AssertAsync(async () =>
                {
                    var views = await Task.WhenAll(gsrns.Select(g =>
                        silo.Client.GetGrain<IMeteringPointGrain>(g).GetMeterDataAsync(new MeterDataQuery(DayInterval, Later))));
                    return views.All(v => v.Versions == 2 && v.Total == 0.5m * 96);
                }, TimeSpan.FromSeconds(60), "every point's day should be the correction's values");
            }
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_rejected_file_among_good_ones_goes_to_rejected_with_its_reasons_and_a_resent_document_to_duplicate()
    {
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-mixed-");
        try
        {
            var first = Gsrn(103, 1);
            var second = Gsrn(103, 2);
            var good = Rsm012.Json("doc-good-1", DaySeries("s-good-1", first, 0.25m));
            var bad = Rsm012.Json("doc-bad", DaySeries("s-bad", first, 0.25m)).Replace("\"quantity\":0.25}", "\"quantity\":\"many\"}", StringComparison.Ordinal);
            var files = new Dictionary<string, string>
            {
                ["1-good.json"] = good,
                ["2-bad.json"] = bad,
                ["3-good.xml"] = Rsm012.Xml("doc-good-2", DaySeries("s-good-2", second, 0.5m)),
                ["4-good-again.json"] = good,
                ["5-notes.txt"] = "not a document",
            };
            foreach (var (name, content) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, name), content);
            }

            var (silo, adapter) = await ClusterAsync("inbox_mixed");
            await using (silo)
            await using (adapter)
            {
                Assert.Equal(4, await Inbox(adapter).TakeAsync(inbox, CancellationToken.None));
            }

            Assert.Equal(["5-notes.txt"], Names(inbox));
            Assert.Equal(["1-good.json", "3-good.xml"], Names(new DirectoryInfo(Path.Combine(inbox.FullName, "accepted"))));
            Assert.Equal(["4-good-again.json"], Names(new DirectoryInfo(Path.Combine(inbox.FullName, "duplicate"))));
            Assert.Equal(["2-bad.json", "2-bad.json.reasons.txt"], Names(new DirectoryInfo(Path.Combine(inbox.FullName, "rejected"))));
            var reasons = await File.ReadAllTextAsync(Path.Combine(inbox.FullName, "rejected", "2-bad.json.reasons.txt"));
            Assert.Contains("doc-bad", reasons, StringComparison.Ordinal);
            Assert.Contains("Series[0].Period.Point[0].quantity", reasons, StringComparison.Ordinal);
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_name_answered_before_is_moved_under_a_free_name_even_when_two_reach_for_the_same()
    {
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-names-");
        try
        {
            var document = Rsm012.Json("doc-names", DaySeries("s-names", Gsrn(104, 1), 0.25m));
            var (silo, adapter) = await ClusterAsync("inbox_names");
            await using (silo)
            await using (adapter)
            {
                var service = Inbox(adapter);
                foreach (var expected in new[] { "accepted", "duplicate" })
                {
                    await File.WriteAllTextAsync(Path.Combine(inbox.FullName, "day.json"), document);
                    Assert.Equal(1, await service.TakeAsync(inbox, CancellationToken.None));
                    Assert.True(File.Exists(Path.Combine(inbox.FullName, expected, "day.json")));
                }

                // Both resends want duplicate/day.1.json: one gets it, the other the next free name.
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, "day.json"), document);
                await File.WriteAllTextAsync(Path.Combine(inbox.FullName, "day.1.json"), document);
                Assert.Equal(2, await service.TakeAsync(inbox, CancellationToken.None));
                Assert.Equal(0, await service.TakeAsync(inbox, CancellationToken.None));
            }

            Assert.Empty(Names(inbox));
            var duplicates = Names(new DirectoryInfo(Path.Combine(inbox.FullName, "duplicate")));
            Assert.Equal(3, duplicates.Length);
            Assert.Contains("day.1.json", duplicates);
            Assert.All(duplicates, name => Assert.Equal(document, File.ReadAllText(Path.Combine(inbox.FullName, "duplicate", name))));
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }
}
