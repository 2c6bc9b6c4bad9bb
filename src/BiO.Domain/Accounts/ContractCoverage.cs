using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Accounts;

/// <summary>
/// A contract due for a billing period: the local days of the period it covers for one paying account, and their UTC
/// interval (local midnight to local midnight). A contract whose payer changes within a period is due in several parts.
/// </summary>
public sealed record ContractCoverage
{
    /// <exception cref="ArgumentException">The days are not all covered by the contract.</exception>
    public ContractCoverage(Contract contract, string payingAccountId, DateInterval days)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentException.ThrowIfNullOrWhiteSpace(payingAccountId);
        ArgumentNullException.ThrowIfNull(days);
        if (!contract.Covers(days.Start) || !contract.Covers(days.End))
        {
            throw new ArgumentException($"Contract {contract} does not cover {days.Start:uuuu-MM-dd}..{days.End:uuuu-MM-dd}.", nameof(days));
        }

        Contract = contract;
        PayingAccountId = payingAccountId;
        Days = days;
        Utc = BillingTime.Of(days);
    }

    public Contract Contract { get; }

    /// <summary>The account invoiced for these days (the payer of the metering point, else the contract's account).</summary>
    public string PayingAccountId { get; }

    /// <summary>The covered local days, both ends included.</summary>
    public DateInterval Days { get; }

    /// <summary>The UTC interval [first local midnight, midnight after the last day).</summary>
    public Interval Utc { get; }

    /// <summary>
    /// The parts of <see cref="Utc"/> in which we supply the metering point (what may be billed for electricity); the
    /// whole interval for a non-metered product.
    /// </summary>
    public IReadOnlyList<Interval> Within(SupplyPeriods supply)
    {
        ArgumentNullException.ThrowIfNull(supply);
        return Contract.MeteringPoint is null ? [Utc] : supply.Within(Utc);
    }
}
