using BiO.Domain.Accounts;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests.Invoicing;

public class AccountInvoiceTests
{
    private static readonly Gsrn P1 = Gsrn.Parse("571313000000002000");
    private static readonly Gsrn P2 = Gsrn.Parse("571313000000002017");
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));
    private static readonly VatRate Standard = VatSchedule.DanishStandard.On(new LocalDate(2026, 3, 1));
    private static readonly CustomerAccount Account = new("A-1", "Jens Hansen", "BIO-2026");

    private static BiO.Domain.Money.Money Dkk(decimal amount) => new(amount);

    private static decimal Round2(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static InvoiceDraft Draft(params (string Element, decimal Amount)[] lines) =>
        new(lines.Select(l => new InvoiceLine(l.Element, l.Element, ElementKind.Energy, new Quantity(1m), Dkk(l.Amount), Standard)).ToList(), []);

    [Fact]
    public void One_invoice_holds_the_lines_of_all_metering_points_and_products_of_the_account_each_naming_its_contract()
    {
        var register = ContractRegister.Of(
        [
            Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2025, 1, 1)),
            Contract.Electricity("C-2", "A-1", "FLEX", P2, new LocalDate(2026, 3, 15)),
            Contract.NonMetered("C-3", "A-1", "BB-1000", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), new LocalDate(2025, 1, 1)),
        ]);
        var due = register.DueFor("A-1", March, Payers.None);
        var lines = AccountInvoiceLine.FromDraft(due[0], Draft(("spot", 100.01m), ("markup", 10.00m)))
            .Concat(AccountInvoiceLine.FromDraft(due[1], Draft(("spot", 50.02m))))
            .Append(AccountInvoiceLine.ForProduct(due[2], Account.Vat))
            .Reverse();
        var invoice = AccountInvoice.Assemble(Account, March, lines);

        Assert.Equal(["C-1", "C-1", "C-2", "C-3"], invoice.Lines.Select(l => l.ContractId));
        Assert.Equal([P1, P1], invoice.LinesOf("C-1").Select(l => l.MeteringPoint!.Value));
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 15), new LocalDate(2026, 3, 31)), Assert.Single(invoice.LinesOf(P2)).Days);
        var broadband = Assert.Single(invoice.LinesOf("C-3"));
        Assert.Null(broadband.MeteringPoint);
        Assert.Equal("BB-1000", broadband.ItemId);

        var taxable = 100.01m + 10.00m + 50.02m + broadband.Amount.Amount;
        Assert.Equal(taxable, invoice.TotalExcludingVat.Amount);
        var vat = Assert.Single(invoice.Vat);
        Assert.Equal(("S", 25m, taxable), (vat.Category, vat.Percent, vat.Taxable.Amount));
        Assert.Equal(Round2(taxable * 0.25m), vat.Vat.Amount);
        Assert.Equal(taxable + vat.Vat.Amount, invoice.Total.Amount);
        Assert.Null(invoice.Number);
    }

    [Fact]
    public void Vat_is_rounded_once_per_rate_over_all_lines_not_per_line_or_per_metering_point()
    {
        // 0.02 x 25% = 0.005: per line it would round to 0.01 each (0.03 for three); per rate 0.06 x 25% = 0.015 -> 0.02.
        var days = March.Dates;
        var lines = new[] { "C-1", "C-2", "C-3" }.Select(c => new AccountInvoiceLine(c, null, "fee", "Fee", days, new Quantity(1m), Dkk(0.02m), Standard));
        var invoice = AccountInvoice.Assemble(Account, March, lines);
        Assert.Equal(0.02m, invoice.TotalVat.Amount);
        Assert.Equal(0.08m, invoice.Total.Amount);
    }

    [Fact]
    public void Each_rate_has_its_own_VAT_and_rates_of_one_category_and_percent_are_one_rate()
    {
        var zero = new VatRate("Z", 0m, new LocalDate(2000, 1, 1));
        var standardAgain = new VatRate("S", 25m, new LocalDate(2026, 1, 1)); // same category and percent, another record
        var lines = new[]
        {
            new AccountInvoiceLine("C-1", P1, "spot", "Spot", March.Dates, new Quantity(1m), Dkk(10.01m), Standard),
            new AccountInvoiceLine("C-2", null, "export", "Export", March.Dates, new Quantity(1m), Dkk(99.99m), zero),
            new AccountInvoiceLine("C-3", null, "tv", "TV", March.Dates, new Quantity(1m), Dkk(-0.01m), standardAgain),
        };
        var invoice = AccountInvoice.Assemble(Account, March, lines);
        Assert.Equal(["S", "Z"], invoice.Vat.Select(v => v.Category));
        Assert.Equal(10.00m, invoice.Vat[0].Taxable.Amount);
        Assert.Equal(2.50m, invoice.Vat[0].Vat.Amount);
        Assert.Equal(0m, invoice.Vat[1].Vat.Amount);
        Assert.Equal(10.01m + 99.99m - 0.01m + 2.50m, invoice.Total.Amount);
    }

    [Fact]
    public void An_invoice_with_no_lines_is_not_an_invoice()
    {
        var error = Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, []));
        Assert.Equal("lines", error.ParamName);
        Assert.Contains("A-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_takes_a_number_of_its_account_series_once()
    {
        var invoice = AccountInvoice.Assemble(Account, March, [new AccountInvoiceLine("C-1", null, "tv", "TV", March.Dates, new Quantity(1m), Dkk(199m), Standard)]);
        var numbered = invoice.Numbered(new InvoiceNumber("BIO-2026", 123));
        Assert.Equal("BIO-2026-000123", numbered.Number.ToString());
        Assert.Same(numbered, numbered.Numbered(new InvoiceNumber("BIO-2026", 123)));
        Assert.Throws<InvalidOperationException>(() => numbered.Numbered(new InvoiceNumber("BIO-2026", 124)));
        var series = Assert.Throws<ArgumentException>(() => invoice.Numbered(new InvoiceNumber("OTHER", 1)));
        Assert.Contains("BIO-2026", series.Message, StringComparison.Ordinal);
        Assert.Equal(invoice.Total, numbered.Total);
    }

    [Fact]
    public void A_fixed_monthly_fee_is_prorated_per_day_and_hours_are_quantity_times_price()
    {
        var start = new LocalDate(2025, 1, 1);
        var broadband = Contract.NonMetered("C-3", "A-1", "BB-1000", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), start);
        var whole = AccountInvoiceLine.ForProduct(new ContractCoverage(broadband, "A-1", March.Dates), Account.Vat);
        var daily = decimal.Round(299m / 31, 6, MidpointRounding.AwayFromZero);
        Assert.Equal(Round2(31 * daily), whole.Amount.Amount);
        Assert.Equal(31m, whole.Quantity.Value);
        Assert.Equal(Standard, whole.Vat);

        // 20 Feb .. 10 Mar: 9 days of February's daily price and 10 of March's.
        var across = AccountInvoiceLine.ForProduct(new ContractCoverage(broadband, "A-1", new DateInterval(new LocalDate(2026, 2, 20), new LocalDate(2026, 3, 10))), Account.Vat);
        Assert.Equal(Round2((9 * decimal.Round(299m / 28, 6, MidpointRounding.AwayFromZero)) + (10 * daily)), across.Amount.Amount);

        var hours = Contract.NonMetered("C-4", "A-1", "CONSULT", ProductKind.Consultancy, new PricePerUnit(new UnitPrice(950.5m), "hour"), start);
        var consultancy = AccountInvoiceLine.ForProduct(new ContractCoverage(hours, "A-1", March.Dates), Account.Vat, new Quantity(12.25m));
        Assert.Equal(Round2(12.25m * 950.5m), consultancy.Amount.Amount);
        Assert.Contains("hour", consultancy.Description, StringComparison.Ordinal);

        Assert.Equal("quantity", Assert.Throws<ArgumentException>(() => AccountInvoiceLine.ForProduct(new ContractCoverage(hours, "A-1", March.Dates), Account.Vat)).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentException>(() => AccountInvoiceLine.ForProduct(new ContractCoverage(broadband, "A-1", March.Dates), Account.Vat, new Quantity(1m))).ParamName);
        var electricity = new ContractCoverage(Contract.Electricity("C-1", "A-1", "FLEX", P1, start), "A-1", March.Dates);
        Assert.Equal("coverage", Assert.Throws<ArgumentException>(() => AccountInvoiceLine.ForProduct(electricity, Account.Vat)).ParamName);
        Assert.Equal("coverage", Assert.Throws<ArgumentException>(() => AccountInvoiceLine.FromDraft(new ContractCoverage(broadband, "A-1", March.Dates), Draft(("x", 1m)))).ParamName);
    }

    [Fact]
    public void A_contract_rated_from_its_coverage_ends_on_the_account_invoice()
    {
        var list = new SupplierPriceList("FLEX", [new PriceListVersion(new LocalDate(2025, 1, 1), new UnitPrice(0.0125m), new UnitPrice(29m), [])]);
        var register = ContractRegister.Of([Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2026, 3, 11))]);
        var coverage = Assert.Single(register.DueFor("A-1", March, Payers.None));
        var received = Instant.FromUtc(2026, 1, 1, 0, 0);
        var settlement = Rater.Rate(new RatingInput(P1.Value, March, coverage.Utc, null), [new SupplierSubscriptionElement("subscription", coverage.Contract.PricesFrom(list), received)]);
        var invoice = AccountInvoice.Assemble(Account, March, AccountInvoiceLine.FromDraft(coverage, InvoiceDraft.From(settlement, Account.Vat)));

        var line = Assert.Single(invoice.Lines);
        Assert.Equal(("C-1", P1), (line.ContractId, line.MeteringPoint!.Value));
        // 11..31 March: 21 days x round(29 / 31, 6).
        Assert.Equal(Round2(21 * decimal.Round(29m / 31, 6, MidpointRounding.AwayFromZero)), line.Amount.Amount);
        Assert.Equal(Round2(line.Amount.Amount * 1.25m), invoice.Total.Amount);
    }

    [Fact]
    public void Checked_against_what_is_due_a_line_of_another_contract_point_or_days_is_refused()
    {
        var register = ContractRegister.Of(
        [
            Contract.Electricity("C-1", "A-1", "FLEX", P1, new LocalDate(2026, 3, 11)),
            Contract.Electricity("C-2", "A-2", "FLEX", P2, new LocalDate(2025, 1, 1)),
        ]);
        var due = register.DueFor("A-1", March, Payers.None);
        var eleventh = new DateInterval(new LocalDate(2026, 3, 11), new LocalDate(2026, 3, 31));
        AccountInvoiceLine Line(string contract, Gsrn? point, DateInterval days) => new(contract, point, "spot", "Spot", days, new Quantity(1m), Dkk(1m), Standard);

        Assert.Single(AccountInvoice.Assemble(Account, March, due, [Line("C-1", P1, eleventh)]).Lines);
        var other = Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, due, [Line("C-2", P2, March.Dates)]));
        Assert.Contains("C-2", other.Message, StringComparison.Ordinal);
        var point = Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, due, [Line("C-1", P2, eleventh)]));
        Assert.Contains(P2.Value, point.Message, StringComparison.Ordinal);
        var days = Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, due, [Line("C-1", P1, March.Dates)]));
        Assert.Contains("2026-03-11..2026-03-31", days.Message, StringComparison.Ordinal);
        var payer = Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, register.DueFor("A-2", March, Payers.None), [Line("C-2", P2, March.Dates)]));
        Assert.Equal("due", payer.ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => AccountInvoice.Assemble(Account, March, due, [])).ParamName);
    }
}
