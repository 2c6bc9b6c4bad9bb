using BiO.Domain.Prices;
using NodaTime;

namespace BiO.Domain.Reconciliation;

/// <summary>How a charge's totals in a grid area and period compare.</summary>
public enum ReconciliationStatus
{
    /// <summary>Both sides have it; the amounts agree within the tolerance and the quantities are equal.</summary>
    Matches,

    /// <summary>Both sides have it, but the amounts differ by more than the tolerance or the quantities differ.</summary>
    Differs,

    /// <summary>DataHub settled it; BiO invoiced nothing for it.</summary>
    OnlyAtDataHub,

    /// <summary>BiO invoiced it; DataHub's results (in the grid areas and periods they cover) do not have it.</summary>
    OnlyAtBiO,
}

/// <summary>
/// One charge in one grid area and billing period: DataHub's total (of the latest settlement version) beside ours.
/// Differences are ours minus DataHub's, a missing side counting as zero.
/// </summary>
/// <param name="Charge">The charge.</param>
/// <param name="GridArea">The grid area.</param>
/// <param name="Period">The billing period (local days, both ends included).</param>
/// <param name="Version">The settlement version DataHub's total comes from; null when DataHub has none.</param>
/// <param name="DataHubAmount">DataHub's amount, DKK; null when DataHub has none.</param>
/// <param name="OurAmount">What BiO invoiced, DKK; null when BiO invoiced nothing.</param>
/// <param name="AmountDifference">Ours minus DataHub's.</param>
/// <param name="DataHubQuantity">DataHub's quantity; null when DataHub has none.</param>
/// <param name="OurQuantity">BiO's quantity; null when BiO invoiced nothing.</param>
/// <param name="QuantityDifference">Ours minus DataHub's.</param>
/// <param name="MeteringPoints">How many metering points BiO invoiced the charge for.</param>
/// <param name="Tolerance">The largest amount difference that still matches (see <see cref="ChargeReconciliation.ToleranceFor"/>).</param>
/// <param name="Status">The outcome.</param>
public sealed record ReconciliationLine(
    ChargeKey Charge,
    string GridArea,
    DateInterval Period,
    SettlementVersion? Version,
    decimal? DataHubAmount,
    decimal? OurAmount,
    decimal AmountDifference,
    decimal? DataHubQuantity,
    decimal? OurQuantity,
    decimal QuantityDifference,
    int MeteringPoints,
    decimal Tolerance,
    ReconciliationStatus Status)
{
    /// <summary>True when the totals match.</summary>
    public bool Matches => Status == ReconciliationStatus.Matches;
}
