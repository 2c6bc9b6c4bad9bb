using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.Charges;

/// <summary>One <c>MktActivityRecord</c> of billing master data: a metering point and the charges linked to it.</summary>
public sealed record ChargeLinkRecord(string RecordId, Gsrn MeteringPoint, ValueList<LinkedCharge> Links);
