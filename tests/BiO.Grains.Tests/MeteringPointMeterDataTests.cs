using BiO.Domain.Money;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.MeterData;
using NodaTime;
using Orleans.Runtime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class MeteringPointMeterDataTests(GrainClusterFixture fixture)
{
    private static readonly LocalDate DstDay = new(2026, 10, 25); // 100 quarter-hours
    private static readonly Interval Day = BillingTime.Day(DstDay);
    private static readonly Instant Received = Instant.FromUtc(2026, 10, 26, 6, 0);

    private static SeriesVersion Version(string id, Instant receivedAt, int missingPosition) =>
        new(id, receivedAt, Day.Start, Resolution.QuarterHour, Enumerable.Range(1, 100)
            .Select(p => p == missingPosition ? new SeriesPoint(p, null, Quality.NotAvailable) : new SeriesPoint(p, new Quantity(0.25m), Quality.Measured))
            .ToList());

    private async Task<MeterDataArrived> StoreAsync(string gsrn, string documentId, SeriesVersion version)
    {
        await fixture.MeterData.AppendAsync([new StoredSeries(gsrn, documentId, version)]);
        return new MeterDataArrived(documentId, gsrn, [new SeriesArrival(version.VersionId, version.ReceivedAt, SeriesVersions.Covers(version))]);
    }

    [Fact]
    public async Task Meter_data_on_a_partition_stream_is_indexed_and_read_as_known_at_each_instant()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.ReceiveMasterDataAsync(MeteringPointGrainTests.MasterData(gsrn, "e07-" + gsrn, Day.Start - Duration.FromDays(30)));
        var first = await StoreAsync(gsrn, "doc-1", Version("s-1", Received, missingPosition: 9));

        await fixture.Client.GetStreamProvider(StreamNames.MarketProvider)
            .GetStream<MeterDataBatch>(StreamId.Create(StreamNames.MeterDataPartition, "3"))
            .OnNextAsync(MeterDataBatch.Of([first]));

        MeterDataView view;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            view = await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromHours(1)));
        }
        while (view.Versions == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, view.Versions);
        Assert.Equal([Resolution.QuarterHour.IntervalAt(Day.Start, 9)], view.Missing);
        Assert.Null(view.Total);
        Assert.Equal(99m / 100m, view.Coverage);

        var correction = await StoreAsync(gsrn, "doc-2", Version("s-2", Received + Duration.FromDays(2), missingPosition: 0));
        await grain.MeterDataArrivedAsync(correction);

        var before = await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromDays(1)));
        var after = await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromDays(3)));
        Assert.Single(before.Missing);
        Assert.Empty(after.Missing);
        Assert.Equal(25m, after.Total);
        Assert.Equal(2, after.Versions);

        // The index is rebuilt from the store when the grain comes back.
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(25m, (await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromDays(3)))).Total);
    }

    [Fact]
    public async Task Meter_data_for_an_unknown_point_is_kept_and_applied_when_its_master_data_arrives()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.MeterDataArrivedAsync(await StoreAsync(gsrn, "doc-u", Version("s-u", Received, missingPosition: 0)));
        await grain.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-u", gsrn, [MeteringPointGrainTests.Link(Day.Start)]));
        var at = Received + Duration.FromHours(1);

        var waiting = await grain.GetMeterDataAsync(new MeterDataQuery(Day, at));
        var snapshot = await grain.GetSnapshotAsync(at);
        Assert.Equal((0, 1, (decimal?)null), (waiting.Versions, waiting.AwaitingMasterData, waiting.Total));
        Assert.Equal((false, 1, 0, 0), (snapshot.Known, snapshot.AwaitingMasterData, snapshot.MeterDataVersions, snapshot.ChargeLinks.Count));
        var nextDay = await grain.GetMeterDataAsync(new MeterDataQuery(new Interval(Day.End, Day.End + Duration.FromDays(1)), at));
        Assert.Equal(0, nextDay.AwaitingMasterData); // only the versions of the period asked about

        // Kept through a deactivation, and applied when the master data arrives.
        await fixture.Cluster.DeactivateAsync(grain);
        await grain.ReceiveMasterDataAsync(MeteringPointGrainTests.MasterData(gsrn, "e07-u", Day.Start - Duration.FromDays(30)));
        var applied = await grain.GetMeterDataAsync(new MeterDataQuery(Day, at));
        Assert.Equal((1, 0, (decimal?)25m), (applied.Versions, applied.AwaitingMasterData, applied.Total));
        Assert.Single((await grain.GetSnapshotAsync(at)).ChargeLinks);
    }

    [Fact]
    public async Task Versions_heard_before_the_index_is_read_are_merged_with_the_stored_ones()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        // An older version only in the store (told before a restart, say), then a correction told twice to a grain
        // that has not read its index yet.
        await StoreAsync(gsrn, "doc-o", Version("s-o", Received, missingPosition: 5));
        var newer = await StoreAsync(gsrn, "doc-n", Version("s-n", Received + Duration.FromDays(1), missingPosition: 0));
        await grain.MeterDataArrivedAsync(newer);
        await grain.MeterDataArrivedAsync(newer);

        await grain.ReceiveMasterDataAsync(MeteringPointGrainTests.MasterData(gsrn, "e07-m", Day.Start - Duration.FromDays(30)));
        var before = await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromHours(1)));
        var after = await grain.GetMeterDataAsync(new MeterDataQuery(Day, Received + Duration.FromDays(2)));
        Assert.Equal((1, 1), (before.Versions, before.Missing.Count));
        Assert.Equal((2, 0, (decimal?)25m), (after.Versions, after.Missing.Count, after.Total));
        Assert.Equal(2, (await grain.GetSnapshotAsync(Received + Duration.FromDays(2))).MeterDataVersions);
    }

    [Fact]
    public async Task A_period_without_data_is_all_missing()
    {
        var view = await fixture.Client.GetGrain<IMeteringPointGrain>(MeteringPointGrainTests.NewGsrn()).GetMeterDataAsync(new MeterDataQuery(Day, Received));
        Assert.Equal(0m, view.Coverage);
        Assert.Equal([Day], view.Missing);
        Assert.Equal(0, view.Versions);
    }

    [Fact]
    public async Task Meter_data_for_another_point_is_refused()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var arrival = new MeterDataArrived("doc-x", MeteringPointGrainTests.NewGsrn(), []);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<IMeteringPointGrain>(gsrn).MeterDataArrivedAsync(arrival));
        Assert.Contains("doc-x", error.Message, StringComparison.Ordinal);
    }
}
