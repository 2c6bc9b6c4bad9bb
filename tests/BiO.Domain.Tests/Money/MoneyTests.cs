using BiO.Domain.Money;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Money;

public class MoneyTests
{
    private static readonly Gen<decimal> Ore = Gen.Long[-10_000_000, 10_000_000].Select(o => o / 100m);

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("2.125", "2.13")] // banker's rounding would give 2.12
    [InlineData("2.124999", "2.12")]
    public void Invoice_lines_round_half_away_from_zero(string amount, string expected)
    {
        var money = BiO.Domain.Money.Money.FromAmount(new Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
    }

    [Fact]
    public void Amounts_are_quantity_times_price_rounded_to_6_decimals()
    {
        Assert.Equal(6.588743m, Amount.Of(new Quantity(3.75m), new UnitPrice(1.756998m)).Value); // 6.5887425
        Assert.Equal(-6.588743m, Amount.Of(new Quantity(-3.75m), new UnitPrice(1.756998m)).Value);
        Assert.Equal(1.010101m, UnitPrice.RoundedFrom(28.282828m / 28).Value);
    }

    [Fact]
    public void Invariants_name_the_parameter_and_value()
    {
        var q = Assert.Throws<ArgumentOutOfRangeException>(() => new Quantity(1.0001m));
        Assert.Equal("value", q.ParamName);
        Assert.Equal(1.0001m, q.ActualValue);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new UnitPrice(0.1234567m)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => new BiO.Domain.Money.Money(0.001m)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new BiO.Domain.Money.Money(1m, "dkk")).ParamName);
        Assert.Throws<InvalidOperationException>(() => new BiO.Domain.Money.Money(1m) + new BiO.Domain.Money.Money(1m, "EUR"));
        Assert.Equal(1.000m, new Quantity(1.000000m).Value); // trailing zeros are not decimals
    }

    [Fact]
    public void Largest_remainder_allocation_keeps_the_total()
    {
        Gen.Select(Ore, Gen.Int[0, 1000].Array[1, 12]).Where(t => t.Item2.Sum() > 0).Sample((total, weights) =>
        {
            var parts = Allocation.LargestRemainder(new BiO.Domain.Money.Money(total), weights.Select(w => (decimal)w).ToList());
            Assert.Equal(total, parts.Sum(p => p.Amount));
            Assert.Equal(weights.Length, parts.Count);
            for (var i = 0; i < weights.Length; i++)
            {
                var exact = total * weights[i] / weights.Sum();
                Assert.True(Math.Abs(parts[i].Amount - exact) < 0.01m, $"part {i} {parts[i]} is more than 1 øre from {exact}");
            }
        });
    }

    [Fact]
    public void Allocation_of_100_in_three_gives_the_extra_ore_to_the_first()
    {
        var parts = Allocation.LargestRemainder(new BiO.Domain.Money.Money(100m), [1m, 1m, 1m]);
        Assert.Equal([33.34m, 33.33m, 33.33m], parts.Select(p => p.Amount));
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(new BiO.Domain.Money.Money(1m), [0m])).ParamName);
    }

    [Fact]
    public void Vat_is_effective_dated_data_and_rounds_per_rate()
    {
        var schedule = new VatSchedule([new VatRate("S", 25m, new LocalDate(1992, 1, 1)), new VatRate("S", 20m, new LocalDate(2030, 1, 1))]);
        Assert.Equal(25m, schedule.On(new LocalDate(2026, 1, 1)).Percent);
        Assert.Equal(20m, schedule.On(new LocalDate(2030, 1, 1)).Percent);
        Assert.Equal(0.63m, schedule.On(new LocalDate(2026, 1, 1)).VatOf(new BiO.Domain.Money.Money(2.50m)).Amount); // 0.625 -> 0.63
        Assert.Throws<InvalidOperationException>(() => schedule.On(new LocalDate(1990, 1, 1)));
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => new VatRate("S", 101m, new LocalDate(2020, 1, 1))).ParamName);
    }

    [Fact]
    public void Sums_of_quantities_and_amounts_are_exact()
    {
        Gen.Long[-1_000_000_000, 1_000_000_000].Array[0, 100].Sample(values =>
        {
            var quantities = values.Select(v => new Quantity(v / 1000m)).ToList();
            var sum = quantities.Aggregate(Quantity.Zero, (a, b) => a + b);
            Assert.Equal(values.Sum() / 1000m, sum.Value);
        });
    }
}
