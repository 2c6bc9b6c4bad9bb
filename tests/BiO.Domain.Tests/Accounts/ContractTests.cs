using BiO.Domain.Accounts;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Accounts;

public class ContractTests
{
    private static readonly Gsrn Point = Gsrn.Parse("571313000000002000");
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));
    private static readonly NonMeteredPrice Broadband = new FixedMonthlyFee(new UnitPrice(299m));

    [Fact]
    public void A_customer_account_is_billed_monthly_with_Danish_standard_VAT_unless_it_chooses()
    {
        var account = new CustomerAccount("A-1", "Jens Hansen", "BIO-2026");
        Assert.Equal(BillingFrequency.Monthly, account.Frequency);
        Assert.Same(VatSchedule.DanishStandard, account.Vat);
        var zero = new VatSchedule([new VatRate("Z", 0m, new LocalDate(2000, 1, 1))]);
        Assert.Same(zero, new CustomerAccount("A-2", "Export ApS", "BIO-2026", vat: zero).Vat);
    }

    [Fact]
    public void A_customer_account_refuses_blanks_and_malformed_series_saying_which_account()
    {
        var name = Assert.Throws<ArgumentException>(() => new CustomerAccount("A-1", " ", "BIO-2026"));
        Assert.Equal("name", name.ParamName);
        Assert.Contains("A-1", name.Message, StringComparison.Ordinal);
        var series = Assert.Throws<ArgumentException>(() => new CustomerAccount("A-1", "Jens", "bio 2026"));
        Assert.Equal("invoiceSeries", series.ParamName);
        Assert.Contains("A-1", series.Message, StringComparison.Ordinal);
        Assert.Contains("bio 2026", series.Message, StringComparison.Ordinal);
        Assert.Equal("accountId", Assert.Throws<ArgumentException>(() => new CustomerAccount("", "Jens", "BIO-2026")).ParamName);
        Assert.Equal("frequency", Assert.Throws<ArgumentException>(() => new CustomerAccount("A-1", "Jens", "BIO-2026", (BillingFrequency)7)).ParamName);
    }

    [Fact]
    public void A_contract_ends_after_it_starts_and_the_message_says_which_contract_and_dates()
    {
        var start = new LocalDate(2026, 3, 1);
        var error = Assert.Throws<ArgumentException>(() => Contract.Electricity("C-1", "A-1", "FLEX", Point, start, start));
        Assert.Equal("end", error.ParamName);
        Assert.Contains("C-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("A-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-01", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Contract.Electricity("C-1", "A-1", "FLEX", Point, start, start.PlusDays(-1)));
        Assert.Equal(start.PlusDays(1), Contract.Electricity("C-1", "A-1", "FLEX", Point, start, start.PlusDays(1)).End);
        Assert.Throws<ArgumentException>(() => Contract.Electricity("C-1", "A-1", "FLEX", Point, start).EndingOn(start));
    }

    [Fact]
    public void Electricity_has_a_metering_point_and_other_products_have_their_own_price_instead()
    {
        var start = new LocalDate(2026, 3, 1);
        Assert.Equal("meteringPoint", Assert.Throws<ArgumentException>(() => new Contract("C-1", "A-1", "FLEX", ProductKind.Electricity, start, null)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentException>(() => new Contract("C-1", "A-1", "FLEX", ProductKind.Electricity, start, null, Point, price: Broadband)).ParamName);
        Assert.Equal("meteringPoint", Assert.Throws<ArgumentException>(() => new Contract("C-2", "A-1", "BB-1000", ProductKind.Broadband, start, null, Point, price: Broadband)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentException>(() => new Contract("C-2", "A-1", "BB-1000", ProductKind.Broadband, start, null)).ParamName);
        Assert.Equal("priceListVersion", Assert.Throws<ArgumentException>(() => new Contract("C-2", "A-1", "BB-1000", ProductKind.Broadband, start, null, priceListVersion: start, price: Broadband)).ParamName);
        var hours = Contract.NonMetered("C-3", "A-1", "CONSULT", ProductKind.Consultancy, new PricePerUnit(new UnitPrice(950m), "hour"), start);
        Assert.Null(hours.MeteringPoint);
        Assert.Equal("unit", Assert.Throws<ArgumentException>(() => new PricePerUnit(new UnitPrice(950m), "")).ParamName);
    }

    [Fact]
    public void A_contract_covers_the_local_days_of_a_period_from_its_start_up_to_its_end_as_one_UTC_interval()
    {
        var from15th = Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2026, 3, 15));
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 15), new LocalDate(2026, 3, 31)), from15th.DaysIn(March));
        // 15 March is winter time (UTC+1); 1 April is summer time (UTC+2, from 29 March).
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 14, 23, 0), Instant.FromUtc(2026, 3, 31, 22, 0)), from15th.CoverageOf(March));

        var toThe10th = from15th.EndingOn(new LocalDate(2026, 4, 10));
        Assert.Equal(new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 9)), toThe10th.DaysIn(BillingPeriod.Of(new YearMonth(2026, 4))));
        Assert.Equal(BillingPeriod.Of(new YearMonth(2026, 2)).Utc.End, March.Utc.Start);
        Assert.Null(from15th.DaysIn(BillingPeriod.Of(new YearMonth(2026, 2))));
        Assert.Null(Contract.Electricity("C-2", "A-1", "FLEX", Point, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 1)).CoverageOf(March));
    }

    [Fact]
    public void The_days_a_contract_covers_in_a_month_are_exactly_the_days_it_covers()
    {
        var dates = Gen.Int[0, 200].Select(d => new LocalDate(2026, 1, 1).PlusDays(d));
        Gen.Select(dates, Gen.Int[1, 120].Nullable(), Gen.Int[1, 12]).Sample((start, length, month) =>
        {
            var contract = Contract.Electricity("C", "A", "FLEX", Point, start, length is { } l ? start.PlusDays(l) : null);
            var period = BillingPeriod.Of(new YearMonth(2026, month));
            var expected = period.Dates.Where(contract.Covers).ToList();
            var days = contract.DaysIn(period);
            Assert.Equal(expected, days is null ? [] : days.ToList());
            Assert.Equal(days is null ? null : BillingTime.Of(days), contract.CoverageOf(period));
        });
    }

    [Fact]
    public void A_pinned_price_list_version_applies_from_the_contract_start_and_a_following_contract_takes_the_list()
    {
        var list = new SupplierPriceList("FLEX",
        [
            new PriceListVersion(new LocalDate(2025, 1, 1), new UnitPrice(0.01m), new UnitPrice(29m), []),
            new PriceListVersion(new LocalDate(2026, 4, 1), new UnitPrice(0.02m), new UnitPrice(39m), []),
        ]);
        var following = Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2026, 3, 1));
        Assert.Same(list, following.PricesFrom(list));

        var pinned = Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2024, 6, 1), priceListVersion: new LocalDate(2025, 1, 1));
        var prices = pinned.PricesFrom(list);
        var version = Assert.Single(prices.Versions);
        Assert.Equal(new LocalDate(2024, 6, 1), version.EffectiveFrom);
        Assert.Equal(0.01m, prices.On(new LocalDate(2026, 5, 1))!.Markup.Value);

        var missing = Assert.Throws<ArgumentException>(() => Contract.Electricity("C-1", "A-1", "FLEX", Point, new LocalDate(2026, 3, 1), priceListVersion: new LocalDate(2026, 2, 1)).PricesFrom(list));
        Assert.Contains("2026-02-01", missing.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01-01, 2026-04-01", missing.Message, StringComparison.Ordinal);
        var other = Assert.Throws<ArgumentException>(() => Contract.Electricity("C-1", "A-1", "FIXED", Point, new LocalDate(2026, 3, 1)).PricesFrom(list));
        Assert.Contains("FIXED", other.Message, StringComparison.Ordinal);
    }
}
