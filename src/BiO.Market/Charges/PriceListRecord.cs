using BiO.Market.Documents;

namespace BiO.Market.Charges;

/// <summary>One <c>MktActivityRecord</c> of a price list: its transaction id and its charges (<c>ChargeGroup.ChargeType</c>).</summary>
public sealed record PriceListRecord(string RecordId, ValueList<ChargeInformation> Charges);
