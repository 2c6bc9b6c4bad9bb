using BiO.Domain.Accounts;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Time;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Invoicing;

public class AccountInvoicePropertyTests
{
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));
    private static readonly CustomerAccount Account = new("A-1", "Jens Hansen", "BIO-2026");
    private static readonly VatRate[] Rates =
    [
        new("S", 25m, new LocalDate(1992, 1, 1)),
        new("S", 25m, new LocalDate(2026, 1, 1)),
        new("AA", 12.5m, new LocalDate(2020, 1, 1)),
        new("Z", 0m, new LocalDate(2000, 1, 1)),
        new("E", 7.3m, new LocalDate(2000, 1, 1)),
    ];

    private static readonly Gen<AccountInvoiceLine> Line =
        Gen.Select(Gen.Int[1, 4], Gen.Bool, Gen.Long[-1_000_000, 10_000_000], Gen.Int[0, Rates.Length - 1])
            .Select((contract, metered, ore, rate) => new AccountInvoiceLine(
                $"C-{contract}", metered ? Gsrn.Parse($"5713130000000020{contract:00}") : null, "item", "Item", March.Dates,
                new Quantity(1m), new BiO.Domain.Money.Money(ore / 100m), Rates[rate]));

    [Fact]
    public void Totals_are_the_sum_of_the_lines_plus_VAT_and_VAT_is_the_rate_of_each_rate_s_taxable_sum_rounded_once()
    {
        Line.Array[1, 40].Sample(lines =>
        {
            var invoice = AccountInvoice.Assemble(Account, March, lines);
            Assert.Equal(lines.Sum(l => l.Amount.Amount), invoice.TotalExcludingVat.Amount);
            Assert.Equal(invoice.Vat.Sum(v => v.Vat.Amount), invoice.TotalVat.Amount);
            Assert.Equal(invoice.TotalExcludingVat.Amount + invoice.TotalVat.Amount, invoice.Total.Amount);
            Assert.Equal(lines.Length, invoice.Lines.Count);

            var rates = lines.GroupBy(l => (l.Vat.Code, l.Vat.Percent)).ToList();
            Assert.Equal(rates.Count, invoice.Vat.Count);
            foreach (var rate in rates)
            {
                var vat = Assert.Single(invoice.Vat, v => v.Category == rate.Key.Code && v.Percent == rate.Key.Percent);
                var taxable = rate.Sum(l => l.Amount.Amount);
                Assert.Equal(taxable, vat.Taxable.Amount);
                Assert.Equal(decimal.Round(taxable * rate.Key.Percent / 100m, 2, MidpointRounding.AwayFromZero), vat.Vat.Amount);
                Assert.True(Math.Abs(vat.Vat.Amount - (taxable * rate.Key.Percent / 100m)) <= 0.005m);
            }

            Assert.Equal(invoice.TotalExcludingVat.Amount, invoice.Vat.Sum(v => v.Taxable.Amount));
        });
    }

    [Fact]
    public void The_invoice_does_not_depend_on_the_order_its_lines_arrive_in()
    {
        Gen.Select(Line.Array[1, 30], Gen.Int.Array[30]).Sample((lines, keys) =>
        {
            var shuffled = lines.Zip(keys).OrderBy(p => p.Second).Select(p => p.First).ToArray();
            var a = AccountInvoice.Assemble(Account, March, lines);
            var b = AccountInvoice.Assemble(Account, March, shuffled);
            Assert.Equal(a.Total, b.Total);
            Assert.Equal(a.Vat, b.Vat);
            Assert.Equal(a.Lines.Select(l => l.ContractId), b.Lines.Select(l => l.ContractId));
        });
    }
}
