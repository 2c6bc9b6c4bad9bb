using BiO.Domain.Invoicing;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Tests.Rating;

public class InvoiceTests
{
    private const string Mp = "571313000000002000";
    private static readonly Instant Received = Instant.FromUtc(2020, 1, 1, 0, 0);

    [Fact]
    public void Invoice_lines_round_each_element_to_ore_and_VAT_is_rounded_once_per_rate()
    {
        var period = BillingPeriod.Of(new YearMonth(2026, 3));
        var quarters = Resolution.QuarterHour.Intervals(period.Utc);
        var version = new SeriesVersion("v", Received, period.Utc.Start, Resolution.QuarterHour, quarters.Select((_, i) => new SeriesPoint(i + 1, new Quantity(0.123m))).ToList());
        var input = new RatingInput(Mp, period, period.Utc, new MeteringPointSeries(Mp).With(version).AsKnownAt(Received, period.Utc));
        var spot = PriceHistory.Of(Received, quarters.Select(q => (q.Start, 0.654321m)));
        var list = new SupplierPriceList("FLEX", [new PriceListVersion(new LocalDate(2025, 1, 1), new UnitPrice(0.0125m), new UnitPrice(29m), [])]);
        var key = new ChargeKey("5790000432752", "EA-001", ChargeType.Tariff);
        var tax = new ChargeElement(new Charge(key, Resolution.Hour, true, "Elafgift"), new ChargeLink(key, Mp, 1, period.Utc.Start, null),
            PriceHistory.Of(Received, Resolution.Hour.Intervals(period.Utc).Select(h => (h.Start, 0.008m))).AsKnownAt(Received));
        var settlement = Rater.Rate(input,
        [
            new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spot), spot.AsKnownAt(Received)),
            new SupplierMarkupElement("markup", list, Received),
            new SupplierSubscriptionElement("subscription", list, Received),
            tax,
        ]);
        Assert.True(settlement.IsReady);
        var invoice = InvoiceDraft.From(settlement, VatSchedule.DanishStandard);
        Assert.Equal(4, invoice.Lines.Count);
        // spot: 2972 x round(0.123 x 0.654321, 6) = 2972 x 0.080481 = 239.189532 -> 239.19
        Assert.Equal(239.19m, invoice.Lines[0].Amount.Amount);
        // subscription: 31 x round(29 / 31, 6) = 31 x 0.935484 = 29.000004 -> 29.00
        Assert.Equal(29.00m, invoice.Lines[2].Amount.Amount);
        Assert.All(invoice.Lines.Zip(settlement.Elements), p => Assert.Equal(decimal.Round(p.Second.Total.Value, 2, MidpointRounding.AwayFromZero), p.First.Amount.Amount));
        var vat = Assert.Single(invoice.Vat);
        Assert.Equal(invoice.TotalExcludingVat, vat.Taxable);
        Assert.Equal(decimal.Round(vat.Taxable.Amount * 0.25m, 2, MidpointRounding.AwayFromZero), vat.Vat.Amount);
        Assert.Equal(invoice.TotalExcludingVat.Amount + vat.Vat.Amount, invoice.Total.Amount);
    }
}
