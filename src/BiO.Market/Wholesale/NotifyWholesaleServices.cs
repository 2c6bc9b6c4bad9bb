using BiO.Domain.Reconciliation;
using BiO.Domain.Time;
using BiO.Market.Documents;

namespace BiO.Market.Wholesale;

/// <summary>
/// RSM-019 NotifyWholesaleServices_MarketDocument (type E31): DataHub's wholesale settlement results for a supplier,
/// per grid area and charge, from the wholesale fixing (process D05) or a correction settlement (process D32, each
/// series with its version D01, D02 or D03). A supplier reconciles its own invoiced totals against it.
/// </summary>
public sealed record NotifyWholesaleServices(MarketDocumentHeader Header, ValueList<WholesaleSeries> Series)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "E31";

    /// <summary>The processes of wholesale results: D05 wholesale fixing and D32 correction settlement.</summary>
    public static IReadOnlyList<ProcessType> Processes { get; } = [ProcessType.WholesaleFixing, ProcessType.CorrectionSettlement];

    /// <summary>
    /// DataHub's result of each series that names a charge: its charge, grid area, billing period (the series'
    /// interval as local days) and settlement version, with the sums of its points' amounts and quantities.
    /// Series without a charge (total amounts) have no charge to compare and are left out.
    /// </summary>
    public IReadOnlyList<WholesaleResult> Results() => Series
        .Where(s => s.Charge is not null)
        .Select(s => new WholesaleResult(s.Charge!, s.GridArea, BillingPeriod.FromUtc(s.TimeInterval).Dates, s.Version, s.Amount, s.Quantity))
        .ToList();
}
