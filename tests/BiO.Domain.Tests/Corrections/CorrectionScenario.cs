using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.Corrections;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Tests.Corrections;

/// <summary>A change that arrives after March was invoiced: new meter data for a local day, or a new tariff price for it.</summary>
public sealed record Arrival(bool IsMeterData, int Day, decimal Value);

/// <summary>
/// One metering point invoiced for March 2026 (PT15M, 0.25 kWh a quarter-hour, hourly tariff 0.5, spot 1, markup 0.1,
/// subscription 30), then changes arriving one by one: the point is rated again as known after each arrival.
/// </summary>
public sealed class CorrectionScenario
{
    public static readonly Gsrn Point = Gsrn.Parse("571313000000002000");
    public static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));
    private static readonly Instant Invoiced = Instant.FromUtc(2026, 4, 2, 6, 0);
    private static readonly ChargeKey Tariff = new("5790000432752", "40000", ChargeType.Tariff);

    private MeteringPointSeries series;
    private PriceHistory tariff;
    private int arrivals;

    public CorrectionScenario()
    {
        var quarters = Resolution.QuarterHour.CountIn(March.Utc);
        series = new MeteringPointSeries(Point.Value).With(new SeriesVersion("v-0", Invoiced, March.Utc.Start, Resolution.QuarterHour,
            Enumerable.Range(1, quarters).Select(p => new SeriesPoint(p, new Quantity(0.25m))).ToList()));
        tariff = PriceHistory.Of(Invoiced, Hours(March.Utc).Select(h => (h, 0.5m)));
        KnownAt = Invoiced;
    }

    public Instant KnownAt { get; private set; }

    /// <summary>Applies <paramref name="arrival"/>, received one hour after the previous one.</summary>
    public void Receive(Arrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        KnownAt += Duration.FromHours(1);
        var day = BillingTime.Day(new LocalDate(2026, 3, arrival.Day));
        if (arrival.IsMeterData)
        {
            series = series.With(new SeriesVersion($"v-{++arrivals}", KnownAt, day.Start, Resolution.QuarterHour,
                Enumerable.Range(1, Resolution.QuarterHour.CountIn(day)).Select(p => new SeriesPoint(p, new Quantity(arrival.Value))).ToList()));
        }
        else
        {
            tariff = tariff.With(Hours(day).Select(h => new PricePoint(h, new UnitPrice(arrival.Value), KnownAt)));
        }
    }

    /// <summary>Meter data for a local day whose quarter-hours are all missing (A02), received one hour after the previous arrival.</summary>
    public void ReceiveMissingDay(int dayOfMarch)
    {
        KnownAt += Duration.FromHours(1);
        var day = BillingTime.Day(new LocalDate(2026, 3, dayOfMarch));
        series = series.With(new SeriesVersion($"v-{++arrivals}", KnownAt, day.Start, Resolution.QuarterHour,
            Enumerable.Range(1, Resolution.QuarterHour.CountIn(day)).Select(p => new SeriesPoint(p, null, Quality.NotAvailable)).ToList()));
    }

    /// <summary>The point's settlement of March for account A-1 as known now.</summary>
    public PointSettlement Rate()
    {
        var contract = Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2026, 1, 1));
        var priceList = new SupplierPriceList("FLEX", [new PriceListVersion(new LocalDate(2026, 1, 1), new UnitPrice(0.1m), new UnitPrice(30m), [])]);
        return PointSettlement.Settle(new PointSettlementInput(
            Point, March,
            SupplyPeriods.Empty.With(new SupplyChange("cos-1", SupplyEvent.ChangeOfSupplier, Instant.FromUtc(2025, 12, 31, 23, 0))),
            MasterDataHistory.Empty.With(new MasterData(Point, "E17", SettlementMethod.Flex, "344", "DK1", Instant.FromUtc(2020, 1, 1, 0, 0))),
            ContractRegister.Of([contract]).DueFor("A-1", March, Payers.None),
            ChargeLinks.Empty.With(new ChargeLink(Tariff, Point.Value, 1, Instant.FromUtc(2020, 1, 1, 0, 0), null)),
            new Dictionary<ChargeKey, KnownCharge> { [Tariff] = new(new Charge(Tariff, Resolution.Hour, false, "Nettarif"), tariff.AsKnownAt(KnownAt)) },
            new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, PriceHistory.Of(Invoiced, Quarters(March.Utc).Select(q => (q, 1m)))),
            new Dictionary<string, KnownPriceList> { ["FLEX"] = new(priceList, Invoiced) },
            series.AsKnownAt(KnownAt, March.Utc),
            VatSchedule.DanishStandard,
            KnownAt));
    }

    /// <summary>What invoicing <paramref name="lines"/> adds to the ledger of the point's March.</summary>
    public static IEnumerable<InvoicedElement> Invoice(IEnumerable<AccountInvoiceLine> lines) =>
        lines.Select(l => new InvoicedElement(l.ContractId, l.ItemId, l.Description, l.Quantity, l.Amount, l.Vat, l.DataVersion, l.PriceVersion));

    /// <summary>The ledger summed per contract and element: what a customer has paid for each, in all.</summary>
    public static IReadOnlyDictionary<string, decimal> Totals(IEnumerable<InvoicedElement> ledger) =>
        ledger.GroupBy(e => $"{e.ContractId}/{e.ElementId}").ToDictionary(g => g.Key, g => g.Sum(e => e.Amount.Amount));

    public static IReadOnlyDictionary<string, decimal> Totals(IEnumerable<AccountInvoiceLine> lines) => Totals(Invoice(lines));

    private static IEnumerable<Instant> Hours(Interval interval) => Steps(interval, Duration.FromHours(1));

    private static IEnumerable<Instant> Quarters(Interval interval) => Steps(interval, Duration.FromMinutes(15));

    private static IEnumerable<Instant> Steps(Interval interval, Duration step)
    {
        for (var t = interval.Start; t < interval.End; t += step)
        {
            yield return t;
        }
    }
}
