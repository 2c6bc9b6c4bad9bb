using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>
/// What BiO's own master data says about a metering point's contract over a billing period: the intervals in which a
/// contract covers the point (an interval may be open at either end) and whether a payer is known. Kept plain on
/// purpose: the account and contract domain fills it in.
/// </summary>
public sealed record ContractedPeriods
{
    /// <summary>No contract and no payer.</summary>
    public static ContractedPeriods None { get; } = new([], false);

    public ContractedPeriods(IReadOnlyList<Interval> contracted, bool hasPayer)
    {
        ArgumentNullException.ThrowIfNull(contracted);
        Contracted = contracted;
        HasPayer = hasPayer;
    }

    /// <summary>The intervals covered by a contract, in any order; they may overlap or be unbounded.</summary>
    public IReadOnlyList<Interval> Contracted { get; }

    /// <summary>Whether the point has a payer (the customer account that receives the invoice).</summary>
    public bool HasPayer { get; }

    /// <summary>A contract over <paramref name="interval"/> with a payer.</summary>
    public static ContractedPeriods Over(Interval interval) => new([interval], true);
}
