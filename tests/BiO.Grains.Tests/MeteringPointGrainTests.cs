using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class MeteringPointGrainTests(GrainClusterFixture fixture)
{
    private static readonly Instant April = Instant.FromUtc(2026, 3, 31, 22, 0);
    private static int next;

    // Distinct keys per test, so tests never share a grain.
    internal static string NewGsrn() => "5713130" + Interlocked.Increment(ref next).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);

    internal static MasterDataReceived MasterData(string gsrn, string documentId, Instant validFrom, string priceArea = "DK1") =>
        new(documentId, gsrn, "E17", "E02", "344", priceArea, validFrom, null);

    internal static ChargeLinkNotice Link(Instant from) =>
        new("5790000610976", "D03", "40000", 2, from, from + Duration.FromDays(183));

    [Fact]
    public async Task Master_data_versions_are_kept_by_valid_from_and_each_document_is_applied_once()
    {
        var gsrn = NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.ReceiveMasterDataAsync(MasterData(gsrn, "e07-1", April));
        await grain.ReceiveMasterDataAsync(MasterData(gsrn, "e07-2", April + Duration.FromDays(30), "DK2"));
        await grain.ReceiveMasterDataAsync(MasterData(gsrn, "e07-1", April, "DK2")); // the same document again: nothing changes

        Assert.Null(await grain.GetMasterDataAsync(April - Duration.FromSeconds(1)));
        Assert.Equal("DK1", (await grain.GetMasterDataAsync(April + Duration.FromDays(29)))!.PriceArea);
        Assert.Equal("DK2", (await grain.GetMasterDataAsync(April + Duration.FromDays(30)))!.PriceArea);
    }

    [Fact]
    public async Task Documents_for_another_point_or_with_unknown_codes_are_refused_naming_the_document()
    {
        var gsrn = NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        var other = await Assert.ThrowsAsync<ArgumentException>(() => grain.ReceiveMasterDataAsync(MasterData(NewGsrn(), "e07-x", April)));
        Assert.Contains("e07-x", other.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ReceiveMasterDataAsync(MasterData(gsrn, "e07-y", April) with { SettlementMethod = "X99" }));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-z", gsrn, [Link(April) with { TypeCode = "D09" }])));
        Assert.Null((await grain.GetSnapshotAsync(April)).MasterData);
    }

    [Fact]
    public async Task State_with_NodaTime_values_survives_deactivation_on_memory_storage()
    {
        var gsrn = NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.ReceiveMasterDataAsync(MasterData(gsrn, "e07-1", April));
        await grain.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-1", gsrn, [Link(April)]));
        var before = await grain.GetSnapshotAsync(April + Duration.FromDays(1));

        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.GetSnapshotAsync(April + Duration.FromDays(1));

        Assert.NotNull(before.MasterData);
        Assert.Equal(before.MasterData, after.MasterData);
        Assert.Equal([Link(April)], after.ChargeLinks);
        Assert.Equal(before.ChargeLinks, after.ChargeLinks);
    }
}
