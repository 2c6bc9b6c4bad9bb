using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests.Billing;

public class AccountSettlementTests
{
    private static readonly CustomerAccount Account = new("A-1", "Kunde", "BIO-2026");
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));
    private static readonly Gsrn Point = Gsrn.Parse("571313000000002000");

    private static SettledPart Ready(decimal amount) => new(PartState.Ready, [],
        [new AccountInvoiceLine("C-1", Point, "spot", "Spot DK1", March.Dates, new Quantity(100m), new BiO.Domain.Money.Money(amount), VatSchedule.DanishStandard.On(March.Dates.Start))]);

    private static ContractCoverage Product(NonMeteredPrice price) =>
        ContractRegister.Of([Contract.NonMetered("BB-1", "A-1", "BB-500", ProductKind.Broadband, price, new LocalDate(2026, 1, 1))]).DueFor("A-1", March, Payers.None).Single();

    [Fact]
    public void All_parts_ready_give_one_invoice_with_the_points_and_products()
    {
        var settled = AccountSettlement.Decide(Account, March, [Ready(100m), Ready(50m)], [Product(new FixedMonthlyFee(new UnitPrice(199m)))]);
        Assert.Equal(PartState.Ready, settled.State);
        Assert.Equal((349m, 87.25m), (settled.Invoice!.TotalExcludingVat.Amount, settled.Invoice.TotalVat.Amount));
    }

    [Fact]
    public void A_failed_part_fails_the_account_before_a_waiting_one_makes_it_wait_and_nothing_due_is_no_invoice()
    {
        var waiting = new SettledPart(PartState.Waiting, ["571313000000002000 2026-03-14: no quantity"], []);
        var failed = new SettledPart(PartState.Failed, ["571313000000002000: product X has no supplier price list"], []);
        Assert.Equal((PartState.Failed, 1), Outcome(AccountSettlement.Decide(Account, March, [waiting, failed, Ready(1m)], [])));
        Assert.Equal((PartState.Waiting, 1), Outcome(AccountSettlement.Decide(Account, March, [waiting, Ready(1m)], [])));
        Assert.Equal((PartState.NotDue, 0), Outcome(AccountSettlement.Decide(Account, March, [new SettledPart(PartState.NotDue, [], [])], [])));

        var hours = AccountSettlement.Decide(Account, March, [Ready(1m)], [Product(new PricePerUnit(new UnitPrice(950m), "hour"))]);
        Assert.Equal(PartState.Waiting, hours.State);
        Assert.Contains("no quantity registered for 2026-03", Assert.Single(hours.Reasons), StringComparison.Ordinal);
    }

    private static ContractCoverage Hours(LocalDate start, LocalDate? end = null) =>
        ContractRegister.Of([Contract.NonMetered("H-1", "A-1", "CONSULT", ProductKind.Consultancy, new PricePerUnit(new UnitPrice(950.5m), "hour"), start, end)])
            .DueFor("A-1", March, Payers.None).Single();

    private static RegisteredQuantity Registered(decimal hours, YearMonth? month = null, string contractId = "H-1") =>
        new(contractId, month ?? new YearMonth(2026, 3), new Quantity(hours), "r-" + hours);

    [Fact]
    public void A_product_priced_per_unit_with_its_quantity_is_a_line_of_quantity_times_price_with_VAT()
    {
        var settled = AccountSettlement.Decide(Account, March, [Ready(100m)], [Hours(new LocalDate(2026, 1, 1))], quantities: [Registered(12.375m)]);

        Assert.Equal(PartState.Ready, settled.State);
        var line = settled.Invoice!.Lines.Single(l => l.ContractId == "H-1");
        var amount = decimal.Round(12.375m * 950.5m, 2, MidpointRounding.AwayFromZero); // 11,762.4375 -> 11,762.44
        Assert.Equal((12.375m, amount), (line.Quantity.Value, line.Amount.Amount));
        Assert.Equal(("CONSULT", March.Dates), (line.ItemId, line.Days));
        Assert.Equal(25m, line.Vat.Percent);
        Assert.Equal(100m + amount, settled.Invoice.TotalExcludingVat.Amount);
        Assert.Equal(decimal.Round((100m + amount) * 0.25m, 2, MidpointRounding.AwayFromZero), settled.Invoice.TotalVat.Amount);
    }

    [Fact]
    public void A_quantity_is_not_prorated_when_the_contract_covers_part_of_the_month()
    {
        var part = Hours(new LocalDate(2026, 3, 20));
        var settled = AccountSettlement.Decide(Account, March, [], [part], quantities: [Registered(4m)]);

        var line = Assert.Single(settled.Invoice!.Lines);
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 20), new LocalDate(2026, 3, 31)), line.Days);
        Assert.Equal((4m, 4m * 950.5m), (line.Quantity.Value, line.Amount.Amount));
    }

    [Fact]
    public void A_zero_quantity_gives_no_line_but_no_longer_waits()
    {
        var withPoint = AccountSettlement.Decide(Account, March, [Ready(100m)], [Hours(new LocalDate(2026, 1, 1))], quantities: [Registered(0m)]);
        Assert.Equal(PartState.Ready, withPoint.State);
        Assert.DoesNotContain(withPoint.Invoice!.Lines, l => l.ContractId == "H-1");

        var alone = AccountSettlement.Decide(Account, March, [], [Hours(new LocalDate(2026, 1, 1))], quantities: [Registered(0m)]);
        Assert.Equal((PartState.NotDue, 0), Outcome(alone));
        Assert.Null(alone.Invoice);
    }

    [Fact]
    public void A_quantity_of_another_month_or_contract_leaves_the_product_waiting_and_fixed_fees_are_as_before()
    {
        var hours = Hours(new LocalDate(2026, 1, 1));
        foreach (var other in new[] { Registered(5m, new YearMonth(2026, 2)), Registered(5m, contractId: "H-2") })
        {
            var waiting = AccountSettlement.Decide(Account, March, [Ready(1m)], [hours], quantities: [other]);
            Assert.Equal(PartState.Waiting, waiting.State);
            Assert.Equal("Contract H-1 (CONSULT, 2026-01-01..open): no quantity registered for 2026-03.", Assert.Single(waiting.Reasons));
        }

        // A month's quantity is for that whole month's period only.
        var half = new BillingPeriod(new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 15)));
        var halfHours = new ContractCoverage(hours.Contract, "A-1", half.Dates);
        Assert.Equal(PartState.Waiting, AccountSettlement.Decide(Account, half, [], [halfHours], quantities: [Registered(5m)]).State);

        var fee = Product(new FixedMonthlyFee(new UnitPrice(199m)));
        var both = AccountSettlement.Decide(Account, March, [], [fee, hours], quantities: [Registered(2m)]);
        Assert.Equal([199m, 2m * 950.5m], both.Invoice!.Lines.Select(l => l.Amount.Amount));
    }

    private static (PartState, int) Outcome(AccountSettlement s) => (s.State, s.Reasons.Count);
}
