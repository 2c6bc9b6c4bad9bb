using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Tests.Billing;

public class PointSettlementTests
{
    private static readonly Gsrn Point = Gsrn.Parse("571313000000002000");
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3)); // 2,972 quarter-hours (DST)
    private static readonly Instant Received = Instant.FromUtc(2026, 4, 2, 6, 0);
    private static readonly ChargeKey Tariff = new("5790000432752", "40000", ChargeType.Tariff);

    private static PointSettlementInput Input(int? missingQuarterHour = null, string account = "A-1", bool withPriceList = true)
    {
        var positions = (int)((March.Utc.End - March.Utc.Start) / Duration.FromMinutes(15));
        var series = new MeteringPointSeries(Point.Value).With(new SeriesVersion("s-1", Received, March.Utc.Start, Resolution.QuarterHour,
            Enumerable.Range(1, positions).Select(p => p == missingQuarterHour
                ? new SeriesPoint(p, null, Quality.NotAvailable)
                : new SeriesPoint(p, new Quantity(0.25m), Quality.Measured)).ToList()));
        var hours = Enumerable.Range(0, positions / 4).Select(h => (March.Utc.Start + Duration.FromHours(h), 0.5m));
        var quarters = Enumerable.Range(0, positions).Select(q => (March.Utc.Start + Duration.FromMinutes(15 * q), 1m));
        var contract = Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2026, 1, 1));
        var coverages = ContractRegister.Of([contract]).DueFor(account, March, Payers.None);
        var priceList = new SupplierPriceList("FLEX", [new PriceListVersion(new LocalDate(2026, 1, 1), new UnitPrice(0.1m), new UnitPrice(30m), [])]);
        return new PointSettlementInput(
            Point, March,
            SupplyPeriods.Empty.With(new SupplyChange("cos-1", SupplyEvent.ChangeOfSupplier, Instant.FromUtc(2025, 12, 31, 23, 0))),
            MasterDataHistory.Empty.With(new MasterData(Point, "E17", SettlementMethod.Flex, "344", "DK1", Instant.FromUtc(2020, 1, 1, 0, 0))),
            coverages,
            ChargeLinks.Empty.With(new ChargeLink(Tariff, Point.Value, 1, Instant.FromUtc(2020, 1, 1, 0, 0), null)),
            new Dictionary<ChargeKey, KnownCharge> { [Tariff] = new(new Charge(Tariff, Resolution.Hour, false, "Nettarif"), PriceHistory.Of(Received, hours).AsKnownAt(Received)) },
            new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, PriceHistory.Of(Received, quarters)),
            withPriceList ? new Dictionary<string, KnownPriceList> { ["FLEX"] = new(priceList, Received) } : new Dictionary<string, KnownPriceList>(),
            series.AsKnownAt(Received, March.Utc),
            VatSchedule.DanishStandard,
            Received);
    }

    [Fact]
    public void A_ready_point_gives_one_line_per_element_for_its_contract()
    {
        var settlement = PointSettlement.Settle(Input());

        Assert.True(settlement.IsReady);
        Assert.Empty(settlement.MissingMeterData);
        var lines = settlement.Lines.ToDictionary(l => l.Description, l => l.Amount.Amount);
        Assert.Equal(743m * 0.5m, lines["Nettarif"]); // 2,972 quarter-hours x 0.25 kWh = 743 kWh
        Assert.Equal(743m, lines["Spot DK1"]);
        Assert.Equal(74.3m, lines["FLEX markup"]);
        Assert.Equal(30m, lines["FLEX subscription"]); // 31 x round(30 / 31, 6) = 29.999998, rounded to øre once
        Assert.All(settlement.Lines, l => Assert.Equal(("C-1", Point), (l.ContractId, l.MeteringPoint!.Value)));
        Assert.Contains(settlement.Basis(), b => b.ElementId == "spot" && b.MeterData == Received && b.Prices == Received);
        Assert.All(settlement.Reports.SelectMany(r => r.Settlements).SelectMany(s => s.Elements), e => Assert.Equal(
            (e.Lines.Select(l => l.DataVersion).Max(), e.Lines.Select(l => (Instant?)l.PriceVersion).Max()),
            (e.LatestDataVersion, e.LatestPriceVersion))); // known while rating, without building the lines
    }

    [Fact]
    public void A_missing_quarter_hour_makes_the_point_wait_and_asks_for_its_local_day()
    {
        var settlement = PointSettlement.Settle(Input(missingQuarterHour: 1 + (4 * 17)));

        Assert.False(settlement.IsReady);
        Assert.Empty(settlement.Lines);
        Assert.Contains("571313000000002000 2026-03-01 17:00-17:15: no quantity", settlement.Reasons);
        Assert.Equal([BillingTime.Day(new LocalDate(2026, 3, 1))], settlement.MissingMeterData);
    }

    [Fact]
    public void Nothing_is_due_for_an_account_that_does_not_pay_and_a_product_without_price_list_is_named()
    {
        Assert.False(PointSettlement.Settle(Input(account: "A-2")).IsDue);
        var error = Assert.Throws<ArgumentException>(() => PointSettlement.Settle(Input(withPriceList: false)));
        Assert.Contains("product FLEX has no supplier price list", error.Message, StringComparison.Ordinal);
    }
}
