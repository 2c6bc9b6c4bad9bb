using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Rating;

/// <summary>Hand-made fixtures for DataHub's rules; they need nothing from ../shared.</summary>
public class RatingTests
{
    private const string Mp = "571313000000002000";
    private const string Grid = "5790000610976";
    private static readonly Instant Received = Instant.FromUtc(2020, 1, 1, 0, 0);

    private static RatingInput Input(YearMonth month, Func<int, decimal?> quarter, Interval? supply = null)
    {
        var period = BillingPeriod.Of(month);
        var n = Resolution.QuarterHour.CountIn(period.Utc);
        var version = new SeriesVersion("v1", Received, period.Utc.Start, Resolution.QuarterHour,
            Enumerable.Range(0, n).Select(i => quarter(i) is { } q ? new SeriesPoint(i + 1, new Quantity(q)) : new SeriesPoint(i + 1, null, Quality.NotAvailable)).ToList());
        var usage = new MeteringPointSeries(Mp).With(version).AsKnownAt(Received, period.Utc);
        return new RatingInput(Mp, period, supply ?? period.Utc, usage);
    }

    private static ChargeElement Charge(ChargeType type, Resolution resolution, IEnumerable<(Instant, decimal)> prices, int factor = 1, Instant? from = null, Instant? to = null, bool tax = false, string code = "C1")
    {
        var key = new ChargeKey(Grid, code, type);
        return new ChargeElement(new Charge(key, resolution, tax), new ChargeLink(key, Mp, factor, from ?? Instant.FromUtc(2000, 1, 1, 0, 0), to), PriceHistory.Of(Received, prices).AsKnownAt(Received));
    }

    private static IEnumerable<(Instant, decimal)> Hourly(Interval period, Func<int, decimal> price) =>
        Resolution.Hour.Intervals(period).Select((h, i) => (h.Start, price(i)));

    [Theory]
    [InlineData(2026, 3, 743)]
    [InlineData(2026, 10, 745)]
    public void An_hourly_tariff_in_a_DST_month_rates_every_hour_on_hour_sums(int year, int month, int hours)
    {
        var input = Input(new YearMonth(year, month), i => 0.125m + (i % 4 * 0.001m)); // hour sum 0.506
        var tariff = Charge(ChargeType.Tariff, Resolution.Hour, Hourly(input.Period.Utc, i => i % 24 < 6 ? 0.1083m : 0.3250m));
        var result = tariff.Rate(input);
        Assert.True(result.IsComplete);
        Assert.Equal(hours, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Equal(0.506m, l.Quantity.Value));
        Assert.Equal(result.Lines.Sum(l => decimal.Round(0.506m * l.Price.Value, 6, MidpointRounding.AwayFromZero)), result.Total.Value);
        Assert.Equal(0.506m * hours, result.TotalQuantity.Value);
    }

    [Fact]
    public void A_daily_tariff_rates_local_days_of_23_and_25_hours()
    {
        var input = Input(new YearMonth(2026, 10), _ => 1m);
        var days = Resolution.Day.Intervals(input.Period.Utc);
        var tariff = Charge(ChargeType.Tariff, Resolution.Day, days.Select(d => (d.Start, 0.5m)));
        var lines = tariff.Rate(input).Lines;
        Assert.Equal(31, lines.Count);
        Assert.Equal(100m, lines[24].Quantity.Value);
        Assert.Equal(50m, lines[24].Amount.Value);
        Assert.Equal(96m, lines[0].Quantity.Value);
    }

    [Fact]
    public void Tariff_hours_without_a_price_are_missing_and_never_carried_forward()
    {
        var input = Input(new YearMonth(2026, 2), _ => 1m);
        var hours = Hourly(input.Period.Utc, _ => 1m).Where((_, i) => i != 10).ToList();
        var result = Charge(ChargeType.Tariff, Resolution.Hour, hours).Rate(input);
        Assert.Equal(671, result.Lines.Count);
        var missing = Assert.Single(result.Missing);
        Assert.Equal(MissingKind.Price, missing.Kind);
        Assert.Equal(input.Period.Utc.Start + Duration.FromHours(10), missing.Interval.Start);
        Assert.Equal(Duration.FromHours(1), missing.Interval.Duration);
    }

    [Fact]
    public void Missing_meter_data_is_reported_per_element_and_hour_instead_of_guessed()
    {
        var input = Input(new YearMonth(2026, 2), i => i == 7 ? null : 1m);
        var settlement = Rater.Rate(input, [Charge(ChargeType.Tariff, Resolution.Hour, Hourly(input.Period.Utc, _ => 1m)), Charge(ChargeType.Tariff, Resolution.Hour, Hourly(input.Period.Utc, _ => 2m), code: "C2")]);
        Assert.False(settlement.IsReady);
        Assert.Equal(2, settlement.Missing.Count);
        Assert.All(settlement.Missing, m => Assert.Equal((MissingKind.MeterData, input.Period.Utc.Start + Duration.FromHours(1)), (m.Kind, m.Interval.Start)));
        Assert.Equal(671m * 4, settlement.Elements[0].TotalQuantity.Value);
    }

    [Fact]
    public void A_subscription_is_round_monthly_over_days_times_factor_per_day_with_prices_carried_forward()
    {
        var input = Input(new YearMonth(2023, 2), _ => 1m);
        var sub = Charge(ChargeType.Subscription, Resolution.Month, [(Instant.FromUtc(2022, 12, 31, 23, 0), 28.282828m)], factor: 3);
        var result = sub.Rate(input);
        Assert.Equal(28, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Equal((1.010101m, 3.030303m), (l.Price.Value, l.Amount.Value)));
        Assert.Equal(28 * 3.030303m, result.Total.Value);
    }

    [Fact]
    public void A_subscription_without_any_known_price_is_missing_per_day()
    {
        var input = Input(new YearMonth(2023, 2), _ => 1m);
        var sub = Charge(ChargeType.Subscription, Resolution.Month, [(Instant.FromUtc(2023, 2, 14, 23, 0), 28m)]);
        var result = sub.Rate(input);
        Assert.Equal(14, result.Lines.Count);
        Assert.Equal(14, result.Missing.Count);
        Assert.All(result.Missing, m => Assert.Equal(MissingKind.Price, m.Kind));
    }

    [Fact]
    public void A_fee_applies_on_its_day_at_the_known_price_times_factor()
    {
        var input = Input(new YearMonth(2023, 2), _ => 1m);
        var day = BillingTime.Day(new LocalDate(2023, 2, 10));
        var fee = Charge(ChargeType.Fee, Resolution.Month, [(Instant.FromUtc(2023, 1, 31, 23, 0), 70m)], factor: 2, from: day.Start, to: day.End);
        var line = Assert.Single(fee.Rate(input).Lines);
        Assert.Equal((day.Start, 140m), (line.Start, line.Amount.Value));
    }

    [Fact]
    public void A_month_amount_equals_the_sum_of_its_daily_amounts_and_supply_limits_the_days()
    {
        Gen.Select(Gen.Int[1, 28], Gen.Int[1, 28], Gen.Long[1, 99_999_999].Select(v => v / 1000000m)).Sample((a, b, monthly) =>
        {
            var first = Math.Min(a, b);
            var last = Math.Max(a, b);
            var supply = new Interval(BillingTime.Day(new LocalDate(2023, 2, first)).Start, BillingTime.Day(new LocalDate(2023, 2, last)).End);
            var input = Input(new YearMonth(2023, 2), _ => 0.25m, supply);
            var sub = Charge(ChargeType.Subscription, Resolution.Month, [(Instant.FromUtc(2020, 1, 1, 0, 0), monthly)]);
            var result = sub.Rate(input);
            Assert.Equal(last - first + 1, result.Lines.Count);
            Assert.Equal(result.Lines.Sum(l => l.Amount.Value), result.Total.Value);
            var daily = decimal.Round(monthly / 28, 6, MidpointRounding.AwayFromZero);
            Assert.Equal(daily * (last - first + 1), result.Total.Value);
            var tariff = Charge(ChargeType.Tariff, Resolution.Hour, Hourly(input.Period.Utc, _ => monthly));
            Assert.Equal((last - first + 1) * 24, tariff.Rate(input).Lines.Count);
        }, iter: 50);
    }

    [Fact]
    public void Electricity_tax_is_a_tax_tariff_and_spot_is_rated_per_quarter_hour()
    {
        var input = Input(new YearMonth(2026, 3), i => 0.1m);
        var tax = Charge(ChargeType.Tariff, Resolution.Hour, Hourly(input.Period.Utc, _ => 0.008m), tax: true, code: "EA-001");
        var taxResult = tax.Rate(input);
        Assert.True(taxResult.IsTax);
        Assert.Equal(743 * 0.0032m, taxResult.Total.Value);
        var quarters = Resolution.QuarterHour.Intervals(input.Period.Utc);
        var spotPrices = PriceHistory.Of(Received, quarters.Select((q, i) => (q.Start, 0.5m + (i % 4 * 0.1m))));
        var spot = new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spotPrices), spotPrices.AsKnownAt(Received));
        var result = spot.Rate(input);
        Assert.Equal(2972, result.Lines.Count);
        Assert.Equal(743 * 0.1m * (0.5m + 0.6m + 0.7m + 0.8m), result.Total.Value);
    }

    [Fact]
    public void Hourly_meter_data_is_priced_at_the_mean_of_the_hours_quarter_hour_spot_prices()
    {
        var period = BillingPeriod.Of(new YearMonth(2026, 3));
        var hours = Resolution.Hour.Intervals(period.Utc);
        var version = new SeriesVersion("v1", Received, period.Utc.Start, Resolution.Hour,
            hours.Select((_, i) => new SeriesPoint(i + 1, new Quantity(1m))).ToList());
        var input = new RatingInput(Mp, period, period.Utc, new MeteringPointSeries(Mp).With(version).AsKnownAt(Received, period.Utc));
        var quarters = Resolution.QuarterHour.Intervals(period.Utc);
        var spotPrices = PriceHistory.Of(Received, quarters.Select((q, i) => (q.Start, i % 4 == 0 ? 0.1m : 0.2m)));
        var spot = new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spotPrices), spotPrices.AsKnownAt(Received));

        var result = spot.Rate(input);
        Assert.Equal(743, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Equal(0.175m, l.Price.Value)); // (0.1 + 3 x 0.2) / 4
        Assert.Equal(743 * 0.175m, result.Total.Value);

        var oneQuarterUnpriced = new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spotPrices),
            new PriceHistory(spotPrices.Points.Where(p => p.Time != quarters[5].Start)).AsKnownAt(Received));
        Assert.Equal([new MissingItem("spot", hours[1], MissingKind.Price)], oneQuarterUnpriced.Rate(input).Missing);
    }
}
