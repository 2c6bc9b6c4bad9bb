using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Persistence.Invoicing;
using NodaTime;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary><see cref="IInvoiceStore.ChargeTotalsAsync"/>: our invoiced totals per period, grid area and charge, on PostgreSQL and in memory.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class InvoiceChargeTotalsTests(Services services)
{
    private const string PointA = "571313000000000011";
    private const string PointB = "571313000000000022";
    private const string PointC = "571313000000000033";
    private static readonly YearMonth January = new(2026, 1);
    private static readonly YearMonth February = new(2026, 2);
    private static readonly ChargeKey Tariff = new("5790000432752", "40000", ChargeType.Tariff);
    private static readonly ChargeKey Subscription = new("5790001089030", "ABO1", ChargeType.Subscription);
    private static readonly string TariffLink1 = ChargeElementIds.Of(Tariff, Instant.FromUtc(2025, 12, 31, 23, 0));
    private static readonly string TariffLink2 = ChargeElementIds.Of(Tariff, Instant.FromUtc(2026, 1, 14, 23, 0));
    private static readonly string SubscriptionLink = ChargeElementIds.Of(Subscription, Instant.FromUtc(2025, 12, 31, 23, 0));

    private static InvoiceLineRow Line(string point, string elementId, decimal quantity, decimal amount, string? gridArea = "344", YearMonth? corrects = null) =>
        new(point, "contract-" + point, elementId, elementId, "Tariff", quantity, null, amount, "S", 25m,
            corrects is { } month ? BillingPeriod.Of(month).Dates : null, corrects is null ? null : "new meter data", gridArea);

    private static InvoiceToIssue Invoice(string accountId, YearMonth month, params InvoiceLineRow[] lines)
    {
        var taxable = lines.Sum(l => l.Amount);
        var vat = decimal.Round(taxable * 0.25m, 2, MidpointRounding.AwayFromZero);
        return new InvoiceToIssue("BIO", accountId, BillingPeriod.Of(month).Dates, Instant.FromUtc(month.Year, month.Month, 1, 6, 0).Plus(Duration.FromDays(31)),
            "run-1", lines, [new InvoiceVatRow("S", 25m, taxable, vat)], taxable, vat, taxable + vat, "{}");
    }

    private static async Task IssueAsync(IInvoiceStore invoices)
    {
        await invoices.IssueAsync(Invoice("account-1", January,
            Line(PointA, TariffLink1, 100m, 10.01m),
            Line(PointA, TariffLink2, 50m, 5.00m),
            Line(PointA, SubscriptionLink, 31m, 23.20m),
            Line(PointA, "spot", 150m, 400.00m),
            Line(PointA, TariffLink1, 1m, 99.99m, gridArea: null)));
        await invoices.IssueAsync(Invoice("account-2", January,
            Line(PointB, TariffLink1, 200m, 20.02m),
            Line(PointC, TariffLink1, 70m, 7.00m, gridArea: "543")));
        await invoices.IssueAsync(Invoice("account-1", February,
            Line(PointA, TariffLink1, 30m, 3.00m),
            Line(PointA, TariffLink1, -10m, -1.01m, corrects: January)));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Totals_per_charge_add_links_and_corrections_and_count_distinct_points(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        await IssueAsync(stores.Invoices);
        var january = BillingPeriod.Of(January).Dates;

        var totals = await stores.Invoices.ChargeTotalsAsync(january);

        Assert.Equal(
        [
            new ChargeTotalRow(january, "344", Subscription, 23.20m, 31m, 1),
            new ChargeTotalRow(january, "344", Tariff, 34.02m, 340m, 2),
            new ChargeTotalRow(january, "543", Tariff, 7.00m, 70m, 1),
        ], totals);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Only_lines_of_periods_within_the_asked_period_count(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        await IssueAsync(stores.Invoices);
        var february = BillingPeriod.Of(February).Dates;

        Assert.Equal([new ChargeTotalRow(february, "344", Tariff, 3.00m, 30m, 1)], await stores.Invoices.ChargeTotalsAsync(february));
        Assert.Empty(await stores.Invoices.ChargeTotalsAsync(BillingPeriod.Of(new YearMonth(2026, 3)).Dates));
        Assert.Empty(await stores.Invoices.ChargeTotalsAsync(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 30))));

        var both = await stores.Invoices.ChargeTotalsAsync(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 28)));
        Assert.Equal([(January, "344", Subscription), (January, "344", Tariff), (January, "543", Tariff), (February, "344", Tariff)],
            both.Select(r => (new YearMonth(r.Period.Start.Year, r.Period.Start.Month), r.GridArea, r.Charge)));
    }
}
