using BiO.Domain.Accounts;
using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Tests.Accounts;

public class ContractQuantitiesTests
{
    private static readonly YearMonth March = new(2026, 3);

    // Consultancy from 10 Feb to 15 Apr 2026 (exclusive): covers February, March and April in part.
    private static readonly Contract Hours = Contract.NonMetered("C-4", "A-1", "CONSULT", ProductKind.Consultancy,
        new PricePerUnit(new UnitPrice(950m), "hour"), new LocalDate(2026, 2, 10), new LocalDate(2026, 4, 15));

    private static RegisteredQuantity Q(decimal quantity, string requestId, YearMonth? month = null) =>
        new("C-4", month ?? March, new Quantity(quantity), requestId);

    [Fact]
    public void A_quantity_is_registered_for_a_month_and_zero_is_a_quantity()
    {
        var first = ContractQuantities.Empty("C-4").Register(Hours, Q(12.5m, "r-1"), null);
        Assert.Equal(QuantityOutcome.Registered, first.Outcome);
        Assert.Equal(12.5m, first.Quantities.In(March)!.Quantity.Value);
        Assert.Null(first.Quantities.In(new YearMonth(2026, 2)));

        var zero = first.Quantities.Register(Hours, Q(0m, "r-2", new YearMonth(2026, 2)), null);
        Assert.Equal(QuantityOutcome.Registered, zero.Outcome);
        Assert.Equal([new YearMonth(2026, 2), March], zero.Quantities.Current.Select(q => q.Month));
        Assert.Equal(0m, zero.Quantities.In(new YearMonth(2026, 2))!.Quantity.Value);
    }

    [Fact]
    public void A_negative_quantity_more_than_3_decimals_and_blank_ids_are_refused()
    {
        var negative = Assert.Throws<ArgumentException>(() => Q(-1m, "r-1"));
        Assert.Equal("quantity", negative.ParamName);
        Assert.Contains("C-4 for 2026-03 cannot be negative", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Q(1.0005m, "r-1"));
        Assert.Equal("requestId", Assert.Throws<ArgumentException>(() => Q(1m, " ")).ParamName);
        Assert.Equal("contractId", Assert.Throws<ArgumentException>(() => new RegisteredQuantity("", March, new Quantity(1m), "r-1")).ParamName);
    }

    [Fact]
    public void Only_a_contract_priced_per_unit_takes_a_quantity()
    {
        var broadband = Contract.NonMetered("C-4", "A-1", "BB-500", ProductKind.Broadband, new FixedMonthlyFee(new UnitPrice(299m)), new LocalDate(2026, 1, 1));
        var refused = Assert.Throws<ArgumentException>(() => ContractQuantities.Empty("C-4").Register(broadband, Q(1m, "r-1"), null));
        Assert.Contains("not priced per unit", refused.Message, StringComparison.Ordinal);

        var electricity = Contract.Electricity("C-4", "A-1", "FLEX", BiO.Domain.MeteringPoints.Gsrn.Parse("571313000000002000"), new LocalDate(2026, 1, 1));
        Assert.Throws<ArgumentException>(() => ContractQuantities.Empty("C-4").Register(electricity, Q(1m, "r-1"), null));
    }

    [Fact]
    public void Only_a_month_the_contract_covers_takes_a_quantity()
    {
        var quantities = ContractQuantities.Empty("C-4");
        var before = Assert.Throws<ArgumentException>(() => quantities.Register(Hours, Q(1m, "r-1", new YearMonth(2026, 1)), null));
        Assert.Contains("does not cover 2026-01", before.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => quantities.Register(Hours, Q(1m, "r-1", new YearMonth(2026, 5)), null));

        // Part months are covered: February from the 10th, April until the 14th.
        Assert.Equal(QuantityOutcome.Registered, quantities.Register(Hours, Q(3m, "r-2", new YearMonth(2026, 4)), null).Outcome);
        Assert.Throws<ArgumentException>(() => quantities.Register(Hours, new RegisteredQuantity("C-5", March, new Quantity(1m), "r-3"), null));
    }

    [Fact]
    public void The_same_request_again_changes_nothing_and_its_id_with_another_quantity_is_a_conflict()
    {
        var registered = ContractQuantities.Empty("C-4").Register(Hours, Q(12.5m, "r-1"), null).Quantities;

        var again = registered.Register(Hours, Q(12.5m, "r-1"), null);
        Assert.Equal(QuantityOutcome.Unchanged, again.Outcome);
        Assert.Same(registered, again.Quantities);

        var other = registered.Register(Hours, Q(13m, "r-1"), null);
        Assert.Equal(QuantityOutcome.Conflict, other.Outcome);
        Assert.Contains("Request r-1 registered 12.5 for 2026-03", other.Conflict, StringComparison.Ordinal);
        Assert.Same(registered, other.Quantities);
        Assert.Equal(QuantityOutcome.Conflict, registered.Register(Hours, Q(12.5m, "r-1", new YearMonth(2026, 4)), null).Outcome);
    }

    [Fact]
    public void A_new_request_replaces_the_quantity_until_the_month_is_invoiced()
    {
        var registered = ContractQuantities.Empty("C-4").Register(Hours, Q(12.5m, "r-1"), null).Quantities;

        var replaced = registered.Register(Hours, Q(14m, "r-2"), null);
        Assert.Equal(QuantityOutcome.Replaced, replaced.Outcome);
        Assert.Equal(14m, replaced.Quantities.In(March)!.Quantity.Value);
        Assert.Equal(["r-1", "r-2"], replaced.Quantities.Accepted.Select(q => q.RequestId));

        // The first request again changes nothing: the month keeps 14.
        var replay = replaced.Quantities.Register(Hours, Q(12.5m, "r-1"), null);
        Assert.Equal((QuantityOutcome.Unchanged, 14m), (replay.Outcome, replay.Current!.Quantity.Value));

        var invoiced = replaced.Quantities.Register(Hours, Q(15m, "r-3"), "BIO-2026-000007");
        Assert.Equal(QuantityOutcome.Conflict, invoiced.Outcome);
        Assert.Contains("2026-03 of contract C-4 is invoiced (BIO-2026-000007) with 14 hour", invoiced.Conflict, StringComparison.Ordinal);
        Assert.Equal(14m, invoiced.Quantities.In(March)!.Quantity.Value);

        var same = replaced.Quantities.Register(Hours, Q(14m, "r-4"), "BIO-2026-000007");
        Assert.Equal(QuantityOutcome.Unchanged, same.Outcome);
        Assert.Equal(14m, same.Quantities.In(March)!.Quantity.Value);

        var without = ContractQuantities.Empty("C-4").Register(Hours, Q(1m, "r-5"), "BIO-2026-000007");
        Assert.Equal(QuantityOutcome.Conflict, without.Outcome);
        Assert.Contains("without a quantity", without.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void The_register_as_kept_answers_the_last_quantity_of_each_month_and_holds_one_contract()
    {
        var kept = ContractQuantities.Of("C-4", [Q(1m, "r-1"), Q(2m, "r-2", new YearMonth(2026, 4)), Q(3m, "r-3")]);
        Assert.Equal([(March, 3m), (new YearMonth(2026, 4), 2m)], kept.Current.Select(q => (q.Month, q.Quantity.Value)));
        Assert.Throws<ArgumentException>(() => ContractQuantities.Of("C-5", [Q(1m, "r-1")]));
    }
}
