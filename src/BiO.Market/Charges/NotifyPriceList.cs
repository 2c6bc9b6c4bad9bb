using BiO.Market.Documents;

namespace BiO.Market.Charges;

/// <summary>
/// NotifyPriceList_MarketDocument (type D12): charges sent by DataHub, their master data (process D18 charge
/// information) or their prices (process D08).
/// </summary>
public sealed record NotifyPriceList(MarketDocumentHeader Header, ValueList<PriceListRecord> Records)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "D12";

    /// <summary>The processes of a price list: D18 and D08.</summary>
    public static IReadOnlyList<ProcessType> Processes { get; } = [ProcessType.ChargeInformation, ProcessType.ChargePrices];
}
