using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class MeteringPointSupplyTests(GrainClusterFixture fixture)
{
    private static readonly Instant April = Instant.FromUtc(2026, 3, 31, 22, 0);
    private static readonly Instant June = Instant.FromUtc(2026, 5, 31, 22, 0);

    [Fact]
    public async Task Confirmed_requests_make_the_supply_periods_in_whatever_order_they_and_their_answers_arrive()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);

        await grain.AnswerSupplyChangeAsync(new SupplyAnswered("confirm-2", gsrn, "tx-out", true, [])); // before its request
        await grain.RequestSupplyChangeAsync(new SupplyRequested("req-1", gsrn, "tx-in", "E65", April));
        var waiting = await grain.GetSupplyAsync();
        Assert.Empty(waiting.Periods);
        Assert.Equal(["tx-in"], waiting.Pending.Select(p => p.TransactionId));

        await grain.AnswerSupplyChangeAsync(new SupplyAnswered("confirm-1", gsrn, "tx-in", true, []));
        await grain.RequestSupplyChangeAsync(new SupplyRequested("req-2", gsrn, "tx-out", "E20", June));
        await grain.RequestSupplyChangeAsync(new SupplyRequested("req-2", gsrn, "tx-out", "E20", June)); // again: nothing changes

        await fixture.Cluster.DeactivateAsync(grain);
        var supply = await grain.GetSupplyAsync();
        Assert.Equal([new SupplyPeriodView(April, June)], supply.Periods);
        Assert.Empty(supply.Pending);
    }

    [Fact]
    public async Task A_rejected_request_opens_no_period_and_is_listed_with_its_reasons()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.RequestSupplyChangeAsync(new SupplyRequested("req-1", gsrn, "tx-1", "E03", April));
        await grain.AnswerSupplyChangeAsync(new SupplyAnswered("reject-1", gsrn, "tx-1", false, ["E16: unknown metering point"]));

        var supply = await grain.GetSupplyAsync();
        Assert.Empty(supply.Periods);
        Assert.Equal(["E16: unknown metering point"], Assert.Single(supply.Rejected).Reasons);
    }

    [Fact]
    public async Task A_confirmed_change_contradicting_another_is_refused_and_nothing_is_kept()
    {
        var gsrn = MeteringPointGrainTests.NewGsrn();
        var grain = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);
        await grain.RequestSupplyChangeAsync(new SupplyRequested("req-1", gsrn, "tx-1", "E65", April));
        await grain.AnswerSupplyChangeAsync(new SupplyAnswered("c-1", gsrn, "tx-1", true, []));
        await grain.AnswerSupplyChangeAsync(new SupplyAnswered("c-2", gsrn, "tx-2", true, []));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.RequestSupplyChangeAsync(new SupplyRequested("req-2", gsrn, "tx-2", "E20", April)));
        Assert.Contains("tx-2", error.Message, StringComparison.Ordinal);
        Assert.Equal([new SupplyPeriodView(April, null)], (await grain.GetSupplyAsync()).Periods);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.RequestSupplyChangeAsync(new SupplyRequested("req-3", gsrn, "tx-3", "E99", June)));
    }
}
