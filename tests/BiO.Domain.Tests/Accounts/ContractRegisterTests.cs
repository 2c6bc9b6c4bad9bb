using BiO.Domain.Accounts;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests.Accounts;

public class ContractRegisterTests
{
    private static readonly Gsrn P1 = Gsrn.Parse("571313000000002000");
    private static readonly Gsrn P2 = Gsrn.Parse("571313000000002017");
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));

    private static LocalDate Mar(int day) => new(2026, 3, day);

    [Fact]
    public void Contracts_of_one_metering_point_must_not_overlap_whatever_their_accounts()
    {
        var tenant = Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2026, 1, 1), new LocalDate(2026, 4, 1));
        var register = ContractRegister.Empty.With(tenant);
        var error = Assert.Throws<ArgumentException>(() => register.With(Contract.Electricity("C-2", "A-2", "FLEX", P1, Mar(15))));
        Assert.Equal("contract", error.ParamName);
        foreach (var part in new[] { "C-1", "C-2", "A-1", "A-2", P1.Value, "2026-03-15..open", "2026-01-01..2026-04-01" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        // Back to back (the end is the first day no longer covered), another point, or a non-metered product: no clash.
        var next = register.With(Contract.Electricity("C-2", "A-2", "FLEX", P1, new LocalDate(2026, 4, 1)))
            .With(Contract.Electricity("C-3", "A-1", "FLEX", P2, Mar(15)))
            .With(Contract.NonMetered("C-4", "A-1", "BB", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), Mar(1)))
            .With(Contract.NonMetered("C-5", "A-1", "BB", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), Mar(1)));
        Assert.Equal(["C-1", "C-2", "C-3", "C-4", "C-5"], next.Contracts.Select(c => c.ContractId));

        // The same contract again, e.g. ending earlier, replaces itself instead of clashing with itself.
        var ended = register.With(tenant.EndingOn(Mar(10)));
        Assert.Equal(Mar(10), ended.Find("C-1")!.End);
        Assert.Equal(Mar(10), ended.With(Contract.Electricity("C-2", "A-2", "FLEX", P1, Mar(10))).Find("C-2")!.Start);
    }

    [Fact]
    public void A_register_refuses_one_id_given_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => ContractRegister.Of(
        [
            Contract.Electricity("C-1", "A-1", "FLEX", P1, Mar(1)),
            Contract.Electricity("C-1", "A-2", "FLEX", P2, Mar(1)),
        ]));
        Assert.Contains("C-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("A-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contracts_due_for_an_account_are_those_covering_days_of_the_period()
    {
        var register = ContractRegister.Of(
        [
            Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2025, 1, 1)),
            Contract.NonMetered("C-2", "A-1", "BB", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), Mar(20)),
            Contract.NonMetered("C-3", "A-1", "TV", ProductKind.Tv, new FixedMonthlyFee(new UnitPrice(199m)), new LocalDate(2025, 1, 1), Mar(1)),
            Contract.NonMetered("C-4", "A-1", "TV", ProductKind.Tv, new FixedMonthlyFee(new UnitPrice(199m)), new LocalDate(2026, 4, 1)),
            Contract.Electricity("C-5", "A-2", "FLEX", P2, new LocalDate(2025, 1, 1), Mar(8)),
        ]);
        var due = register.DueFor("A-1", March, Payers.None);
        Assert.Equal(["C-1", "C-2"], due.Select(d => d.Contract.ContractId));
        Assert.Equal(March.Dates, due[0].Days);
        Assert.Equal(March.Utc, due[0].Utc);
        Assert.Equal(new DateInterval(Mar(20), Mar(31)), due[1].Days);
        Assert.All(due, d => Assert.Equal("A-1", d.PayingAccountId));
        Assert.Equal(new DateInterval(Mar(1), Mar(7)), Assert.Single(register.DueFor("A-2", March, Payers.None)).Days);
        Assert.Equal(["A-1", "A-2"], register.AccountsDue(March, Payers.None));
        Assert.Empty(register.DueFor("A-2", BillingPeriod.Of(new YearMonth(2026, 4)), Payers.None));
        Assert.Equal(["A-1"], register.AccountsDue(BillingPeriod.Of(new YearMonth(2026, 4)), Payers.None));
    }

    [Fact]
    public void The_payer_of_a_metering_point_receives_its_days_and_a_change_of_payer_splits_the_contract()
    {
        // A-2 uses P2; its landlord A-1 pays from 10 March until 20 March, then A-2 pays again.
        var register = ContractRegister.Of([Contract.Electricity("C-5", "A-2", "FLEX", P2, new LocalDate(2025, 1, 1))]);
        var payers = Payers.Of([new Payer(P2, "A-1", Mar(10)), new Payer(P2, "A-2", Mar(20))]);

        var landlord = Assert.Single(register.DueFor("A-1", March, payers));
        Assert.Equal(new DateInterval(Mar(10), Mar(19)), landlord.Days);
        Assert.Equal(BillingTime.Of(landlord.Days), landlord.Utc);
        Assert.Equal("A-2", landlord.Contract.AccountId);

        var user = register.DueFor("A-2", March, payers);
        Assert.Equal([new DateInterval(Mar(1), Mar(9)), new DateInterval(Mar(20), Mar(31))], user.Select(d => d.Days));
        Assert.Equal(["A-1", "A-2"], register.AccountsDue(March, payers));
        Assert.Equal(31, register.Due(March, payers).Sum(d => d.Days.Length));

        // In April A-2 pays the whole month: the runs of the same payer are one part.
        Assert.Equal(BillingPeriod.Of(new YearMonth(2026, 4)).Dates, Assert.Single(register.DueFor("A-2", BillingPeriod.Of(new YearMonth(2026, 4)), payers)).Days);
    }

    [Fact]
    public void Payers_are_effective_dated_and_one_day_has_one_payer()
    {
        var payers = Payers.Of([new Payer(P1, "A-9", Mar(10))]);
        Assert.Null(payers.On(P1, Mar(9)));
        Assert.Equal("A-9", payers.On(P1, Mar(10)));
        Assert.Equal("A-9", payers.On(P1, new LocalDate(2030, 1, 1)));
        Assert.Null(payers.On(P2, Mar(10)));
        Assert.Same(payers, payers.With(new Payer(P1, "A-9", Mar(10))));
        var error = Assert.Throws<ArgumentException>(() => payers.With(new Payer(P1, "A-8", Mar(10))));
        foreach (var part in new[] { P1.Value, "A-9", "A-8", "2026-03-10" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("accountId", Assert.Throws<ArgumentException>(() => new Payer(P1, " ", Mar(1))).ParamName);
    }

    [Fact]
    public void Electricity_is_billed_only_where_we_supply_the_point_within_the_coverage()
    {
        var register = ContractRegister.Of(
        [
            Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2025, 1, 1)),
            Contract.NonMetered("C-2", "A-1", "BB", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), Mar(1)),
        ]);
        var supplyStart = BillingTime.Day(Mar(5)).Start;
        var supply = SupplyPeriods.Empty.With(new SupplyChange("R-1", SupplyEvent.ChangeOfSupplier, supplyStart));
        var due = register.DueFor("A-1", March, Payers.None);
        Assert.Equal([new Interval(supplyStart, March.Utc.End)], due[0].Within(supply));
        Assert.Equal([March.Utc], due[1].Within(SupplyPeriods.Empty));
        Assert.Throws<ArgumentException>(() => new ContractCoverage(due[1].Contract, "A-1", new DateInterval(new LocalDate(2026, 2, 28), Mar(3))));
    }
}
