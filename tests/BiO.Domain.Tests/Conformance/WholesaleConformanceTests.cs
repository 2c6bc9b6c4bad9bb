using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;
using Xunit.Abstractions;

namespace BiO.Domain.Tests.Conformance;

/// <summary>
/// Every full-month case of DataHub's legacy wholesale tests (../shared/datahub/wholesale-legacy-2024-04), rated by BiO
/// from the CSV inputs and compared with expected_results.csv to the 6th decimal. Expected values are only compared,
/// never fed into the computation.
/// </summary>
[Trait("Category", "Conformance")]
public class WholesaleConformanceTests(ITestOutputHelper output)
{
    public const string NotFound = "skipped: ../shared/datahub not found";

    /// <summary>Cases excluded, with the reason. Each needs data a supplier cannot have.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        ["daily_tariff_per_ga_co_es/when_es_change"] = "grid-loss and system-correction time series are computed by DataHub from exchange and production of the whole grid area",
        ["daily_tariff_per_ga_co_es/when_with_grid_loss"] = "grid-loss time series computed by DataHub from the grid area's production and consumption",
        ["hourly_tariff_per_ga_co_es/when_only_for_grid_loss_metering_points"] = "grid-loss time series computed by DataHub from the grid area's production and consumption",
        ["monthly_tariff_from_daily_per_ga_co_es/when_with_negative_grid_loss"] = "negative grid loss computed by DataHub from the grid area's production and consumption",
    };

    public static IEnumerable<object[]> Cases()
    {
        var root = LegacyCase.Root();
        if (root is null)
        {
            yield return [NotFound];
            yield break;
        }

        foreach (var name in AllCaseNames(root).Where(n => !Excluded.ContainsKey(n)))
        {
            yield return [name];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_is_reproduced_from_its_inputs_to_the_6th_decimal(string name)
    {
        var root = LegacyCase.Root();
        if (root is null)
        {
            output.WriteLine(NotFound);
            Assert.Equal(NotFound, name);
            return;
        }

        var data = LegacyCase.Open(root, name);
        var (perCharge, monthly) = Calculate(data);
        var expected = data.Rows("expected_results.csv");
        Assert.NotEmpty(expected);
        var expectedPerCharge = expected.Where(r => r["amount_type"] == "amount_per_charge")
            .Select(r => Row(r["energy_supplier_id"], MpType(r["metering_point_type"]), r["settlement_method"], ChargeOf(r), r["resolution"], LegacyCase.Time(r["time"]),
                LegacyCase.Number(r["quantity"]), LegacyCase.Number(r["price"]), LegacyCase.Number(r["amount"]), Qualities(r["quantity_qualities"])))
            .OrderBy(r => r).ToList();
        var expectedMonthly = expected.Where(r => r["amount_type"] == "monthly_amount_per_charge")
            .Select(r => $"{r["energy_supplier_id"]}|{ChargeOf(r)}|{Normal(LegacyCase.Number(r["amount"]))}").OrderBy(r => r).ToList();
        Assert.Equal(expected.Count, expectedPerCharge.Count + expectedMonthly.Count);
        if (expectedPerCharge.Count > 0)
        {
            Assert.Equal(expectedPerCharge, perCharge.OrderBy(r => r).ToList());
        }

        if (expectedMonthly.Count > 0)
        {
            Assert.Equal(expectedMonthly, monthly.OrderBy(r => r).ToList());
        }

        output.WriteLine($"{name}: {expectedPerCharge.Count} amount rows and {expectedMonthly.Count} monthly rows reproduced");
    }

    [Fact]
    public void Every_case_on_disk_is_either_tested_or_excluded_with_a_reason()
    {
        var root = LegacyCase.Root();
        if (root is null)
        {
            output.WriteLine(NotFound);
            return;
        }

        var all = AllCaseNames(root);
        Assert.Equal(16, all.Count);
        Assert.All(Excluded.Keys, k => Assert.Contains(k, all));
        Assert.All(Excluded.Keys, k => Assert.Contains("grid", File.ReadAllText(Path.Combine(root, "given_a_wholesale_calculation", k, "readme.md")), StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> AllCaseNames(string root)
    {
        var baseDir = Path.Combine(root, "given_a_wholesale_calculation");
        return Directory.GetDirectories(baseDir, "test_data", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(baseDir, Path.GetDirectoryName(d)!).Replace('\\', '/')).Order().ToList();
    }

    private static (List<string> PerCharge, List<string> Monthly) Calculate(LegacyCase data)
    {
        var period = BillingPeriod.FromUtc(new Interval(LegacyCase.Time(data.Argument("period_start")), LegacyCase.Time(data.Argument("period_end"))));
        var knownAt = LegacyCase.Time(data.Argument("calculation_execution_time_start"));
        var points = data.Rows("metering_point_periods.csv").Select(r => new MpPeriod(
            r["metering_point_id"], r["type"], r["settlement_method"], Resolution.Parse(r["resolution"]), r["parent_metering_point_id"], r["energy_supplier_id"],
            LegacyCase.Time(r["from_date"]), LegacyCase.OptionalTime(r["to_date"]) ?? Instant.MaxValue)).ToList();
        var charges = data.Rows("charge_master_data_periods.csv").ToDictionary(ChargeOf, r => new Charge(ChargeOf(r), Resolution.Parse(r["resolution"]), bool.Parse(r["is_tax"])));
        var prices = data.Rows("charge_price_points.csv").GroupBy(ChargeOf)
            .ToDictionary(g => g.Key, g => PriceHistory.Of(knownAt, g.Select(r => (LegacyCase.Time(r["charge_time"]), LegacyCase.Number(r["charge_price"])))).AsKnownAt(knownAt));
        var usage = TimeSeriesOf(data, points, period, knownAt);

        var perCharge = new Dictionary<(string Es, string MpType, string Method, ChargeKey Charge, string Resolution, Instant Time), (decimal Quantity, decimal Price, decimal Amount, QualitySet Qualities)>();
        var monthly = new Dictionary<(string Es, ChargeKey Charge), decimal>();
        foreach (var link in data.Rows("charge_link_periods.csv"))
        {
            var key = ChargeOf(link);
            var chargeLink = new ChargeLink(key, link["metering_point_id"], (int)LegacyCase.Number(link["quantity"]), LegacyCase.Time(link["from_date"]), LegacyCase.OptionalTime(link["to_date"]));
            var element = new ChargeElement(charges[key], chargeLink, prices.TryGetValue(key, out var table) ? table : new PriceTable([]));
            foreach (var own in points.Where(p => p.Id == chargeLink.MeteringPointId))
            {
                // A child metering point is supplied by its parent's energy supplier.
                var suppliers = own.Parent.Length == 0 ? [own] : points.Where(p => p.Id == own.Parent).ToList();
                foreach (var supplier in suppliers.Where(s => s.EnergySupplier.Length > 0))
                {
                    var supply = RatingInput.Overlap(new Interval(own.From, own.To), new Interval(supplier.From, supplier.To)) is { } s ? RatingInput.Overlap(s, period.Utc) : null;
                    if (supply is null)
                    {
                        continue;
                    }

                    var result = element.Rate(new RatingInput(own.Id, period, supply.Value, usage.GetValueOrDefault(own.Id)));
                    var resolution = charges[key].Resolution == Resolution.Month ? "P1D" : charges[key].Resolution.Code;
                    foreach (var line in result.Lines)
                    {
                        var groupKey = (supplier.EnergySupplier, MpType(own.Type), Method(own.SettlementMethod), key, resolution, line.Start);
                        var sum = perCharge.GetValueOrDefault(groupKey);
                        Assert.True(sum.Price == 0m || sum.Price == line.Price.Value, $"two prices in one group {groupKey}");
                        perCharge[groupKey] = (sum.Quantity + line.Quantity.Value, line.Price.Value, sum.Amount + line.Amount.Value, sum.Qualities | line.Qualities);
                    }

                    monthly[(supplier.EnergySupplier, key)] = monthly.GetValueOrDefault((supplier.EnergySupplier, key)) + result.Total.Value;
                }
            }
        }

        return (
            perCharge.Select(kv => Row(kv.Key.Es, kv.Key.MpType, kv.Key.Method, kv.Key.Charge, kv.Key.Resolution, kv.Key.Time, kv.Value.Quantity, kv.Value.Price, kv.Value.Amount,
                string.Join(",", kv.Value.Qualities.Members().Select(QualityName).Order()))).ToList(),
            monthly.Select(kv => $"{kv.Key.Es}|{kv.Key.Charge}|{Normal(kv.Value)}").ToList());
    }

    private static Dictionary<string, ResolvedSeries> TimeSeriesOf(LegacyCase data, List<MpPeriod> points, BillingPeriod period, Instant knownAt)
    {
        var result = new Dictionary<string, ResolvedSeries>();
        foreach (var mp in data.Rows("time_series_points.csv").GroupBy(r => r["metering_point_id"]))
        {
            var series = new MeteringPointSeries(mp.Key);
            foreach (var segment in mp.Select(r => (Time: LegacyCase.Time(r["observation_time"]), Row: r))
                         .GroupBy(x => points.First(p => p.Id == mp.Key && p.From <= x.Time && x.Time < p.To)))
            {
                var start = segment.Min(x => x.Time);
                var resolution = segment.Key.Resolution;
                var seriesPoints = segment.Select(x =>
                {
                    var quality = QualityOf(x.Row["quality"]);
                    return new SeriesPoint(resolution.PositionOf(start, x.Time), quality == Quality.NotAvailable ? null : new Quantity(LegacyCase.Number(x.Row["quantity"])), quality);
                }).ToList();
                series = series.With(new SeriesVersion($"{mp.Key}@{start}", knownAt, start, resolution, seriesPoints));
            }

            result[mp.Key] = series.AsKnownAt(knownAt, period.Utc);
        }

        return result;
    }

    private sealed record MpPeriod(string Id, string Type, string SettlementMethod, Resolution Resolution, string Parent, string EnergySupplier, Instant From, Instant To);

    private static ChargeKey ChargeOf(IReadOnlyDictionary<string, string> r) => new(r["charge_owner_id"], r["charge_code"], r["charge_type"] switch
    {
        "tariff" => ChargeType.Tariff,
        "subscription" => ChargeType.Subscription,
        "fee" => ChargeType.Fee,
        var t => throw new InvalidDataException($"charge type {t}"),
    });

    private static string MpType(string code) => code switch
    {
        "E17" => "consumption",
        "E18" => "production",
        "E20" => "exchange",
        "D07" => "consumption_from_grid",
        _ => code,
    };

    private static string Method(string code) => code switch
    {
        "D01" => "flex",
        "E02" => "non_profiled",
        _ => code,
    };

    private static Quality QualityOf(string name) => name switch
    {
        "measured" => Quality.Measured,
        "estimated" => Quality.Estimated,
        "calculated" => Quality.Calculated,
        "missing" => Quality.NotAvailable,
        _ => throw new InvalidDataException($"quality {name}"),
    };

    private static string QualityName(Quality q) => q switch
    {
        Quality.Measured => "measured",
        Quality.Estimated => "estimated",
        Quality.Calculated => "calculated",
        Quality.NotAvailable => "missing",
        _ => q.Code(),
    };

    private static string Qualities(string text) =>
        string.Join(",", text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(q => q.Trim('\'')).Order());

    private static string Normal(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Row(string es, string mpType, string method, ChargeKey charge, string resolution, Instant time, decimal quantity, decimal price, decimal amount, string qualities) =>
        $"{es}|{mpType}|{method}|{charge}|{resolution}|{time}|q={Normal(quantity)}|p={Normal(price)}|a={Normal(amount)}|{qualities}";
}
