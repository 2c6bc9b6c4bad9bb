using BiO.Grains.Charges;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class ChargeGrainTests(GrainClusterFixture fixture)
{
    private const string Owner = "5790000432752";
    private static readonly Instant March = Instant.FromUtc(2026, 2, 28, 23, 0);
    private static readonly Instant April = Instant.FromUtc(2026, 3, 31, 22, 0);
    private static readonly Instant Received = Instant.FromUtc(2026, 2, 20, 12, 0);

    private static int next;

    private static string NewCode() => "T" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Prices_are_kept_with_their_versions_and_read_as_known_at_an_instant()
    {
        var code = NewCode();
        var charge = fixture.Client.GetGrain<IChargeGrain>(ChargeKeys.Of(Owner, "D01", code));
        await charge.DefineAsync(new ChargeDefinition("def-" + code, Owner, "D01", code, "P1M", IsTax: false, "Net subscription"));
        await charge.ReceivePricesAsync(new ChargePriceSeries("p1-" + code, Received, [new ChargePrice(March - Duration.FromDays(59), 20.000000m), new ChargePrice(March, 21.250000m)]));
        await charge.ReceivePricesAsync(new ChargePriceSeries("p2-" + code, Received + Duration.FromDays(30), [new ChargePrice(March, 21.500000m)]));
        await charge.ReceivePricesAsync(new ChargePriceSeries("p2-" + code, Received + Duration.FromDays(31), [new ChargePrice(March, 99m)]));

        var march = new Interval(March, April);
        var before = await charge.GetPricesAsync(new ChargePriceQuery(march, Received + Duration.FromDays(1)));
        var after = await charge.GetPricesAsync(new ChargePriceQuery(march, Received + Duration.FromDays(40)));
        var february = await charge.GetPricesAsync(new ChargePriceQuery(new Interval(March - Duration.FromDays(28), March), Received + Duration.FromDays(40)));

        Assert.Equal([new ChargePrice(March, 21.25m, Received)], before.Prices);
        Assert.Equal([new ChargePrice(March, 21.5m, Received + Duration.FromDays(30))], after.Prices);
        Assert.Equal([new ChargePrice(March - Duration.FromDays(59), 20m, Received)], february.Prices);
        Assert.Equal("Net subscription", after.Definition!.Name);

        await fixture.Cluster.DeactivateAsync(charge); // state with NodaTime values comes back from storage
        Assert.Equal(after.Prices, (await charge.GetPricesAsync(new ChargePriceQuery(march, Received + Duration.FromDays(40)))).Prices);
    }

    [Fact]
    public async Task A_definition_for_another_key_or_with_a_bad_type_is_refused()
    {
        var code = NewCode();
        var charge = fixture.Client.GetGrain<IChargeGrain>(ChargeKeys.Of(Owner, "D03", code));
        var wrongKey = await Assert.ThrowsAsync<ArgumentException>(() => charge.DefineAsync(new ChargeDefinition("d-1", Owner, "D01", code, "P1M", false, "x")));
        Assert.Contains("d-1", wrongKey.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => charge.DefineAsync(new ChargeDefinition("d-2", Owner, "D03", code, "P1M", false, "x")));
        Assert.Null((await charge.GetPricesAsync(new ChargePriceQuery(new Interval(March, April)))).Definition);
    }

    [Fact]
    public async Task A_price_with_more_than_six_decimals_is_refused_and_nothing_is_kept()
    {
        var code = NewCode();
        var charge = fixture.Client.GetGrain<IChargeGrain>(ChargeKeys.Of(Owner, "D03", code));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => charge.ReceivePricesAsync(new ChargePriceSeries("p-" + code, Received, [new ChargePrice(March, 0.1m), new ChargePrice(April, 0.1234567m)])));
        Assert.Empty((await charge.GetPricesAsync(new ChargePriceQuery(new Interval(March, April + Duration.FromDays(1)), Received + Duration.FromDays(1)))).Prices);
    }
}
