using BiO.Grains.MeteringPoints;
using NodaTime;
using Orleans.Runtime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class MeteringPointGrainTests(GrainClusterFixture fixture)
{
    private static int next;

    // Distinct keys per test, so tests never share a grain.
    internal static string NewGsrn() => "5713130" + Interlocked.Increment(ref next).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);

    internal static MarketDocumentNotice Notice(string gsrn, string id) => new(
        id, "E66", gsrn,
        new Interval(Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 29, 22, 0)),
        Instant.FromUtc(2026, 3, 30, 6, 15, 30) + Duration.FromNanoseconds(123));

    [Fact]
    public async Task A_document_is_recorded_once_with_its_local_days()
    {
        var gsrn = NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);

        var first = await grain.ReceiveAsync(Notice(gsrn, "doc-a"));
        var again = await grain.ReceiveAsync(Notice(gsrn, "doc-a"));

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first with { Duplicate = true }, again);
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 29)), first.Days);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal([first], snapshot.Documents);
    }

    [Fact]
    public async Task A_document_for_another_point_is_refused()
    {
        var gsrn = NewGsrn();
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Client.GetGrain<IMeteringPointGrain>(gsrn).ReceiveAsync(Notice(NewGsrn(), "doc-x")));
        Assert.Contains("doc-x", error.Message, StringComparison.Ordinal);
        Assert.Empty((await fixture.Client.GetGrain<IMeteringPointGrain>(gsrn).GetSnapshotAsync()).Documents);
    }

    [Fact]
    public async Task State_with_NodaTime_values_survives_deactivation_on_memory_storage()
    {
        var gsrn = NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.ReceiveAsync(Notice(gsrn, "doc-1"));
        await grain.ReceiveAsync(Notice(gsrn, "doc-2"));
        var link = new ChargeLinkNotice("5790000610976", "D03", "40000", 2, Instant.FromUtc(2025, 12, 31, 23, 0), Instant.FromUtc(2026, 6, 30, 22, 0));
        await grain.ReceiveChargeLinksAsync(new ChargeLinksReceived("links-1", gsrn, [link]));
        var before = await grain.GetSnapshotAsync();

        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.GetSnapshotAsync();
        Assert.Equal([link], await grain.GetChargeLinksAsync(new Interval(link.From, link.To!.Value)));

        Assert.NotNull(before.FirstSeen);
        Assert.Equal(before.FirstSeen, after.FirstSeen);
        Assert.Equal(before.Documents, after.Documents);
    }

    [Fact]
    public async Task A_document_on_the_stream_activates_its_metering_point()
    {
        var gsrn = NewGsrn();
        var stream = fixture.Client.GetStreamProvider(StreamNames.MarketProvider)
            .GetStream<MarketDocumentNotice>(StreamId.Create(StreamNames.MeteringPointDocuments, gsrn));

        await stream.OnNextAsync(Notice(gsrn, "streamed-1"));

        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        MeteringPointSnapshot snapshot;
        do
        {
            snapshot = await grain.GetSnapshotAsync();
        }
        while (snapshot.Documents.Count == 0 && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal("streamed-1", Assert.Single(snapshot.Documents).DocumentId);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }
}
