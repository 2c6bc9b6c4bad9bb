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

    private static (PartState, int) Outcome(AccountSettlement s) => (s.State, s.Reasons.Count);
}
