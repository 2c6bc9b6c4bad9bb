using BiO.Market.Documents;

namespace BiO.Market.Charges;

/// <summary>
/// NotifyBillingMasterData_MarketDocument (type D07, process D17): charge links, which charges apply to which
/// metering point, with a factor and effective/termination dates. DataHub sends it as CIM XML; the CIM JSON form
/// (no DataHub schema: the CIM JSON convention) is read by <see cref="Cim.Json.BillingMasterDataJsonReader"/>.
/// </summary>
public sealed record NotifyBillingMasterData(MarketDocumentHeader Header, ValueList<ChargeLinkRecord> Records)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "D07";

    public static IReadOnlyList<ProcessType> Processes { get; } = [ProcessType.BillingMasterData];
}
