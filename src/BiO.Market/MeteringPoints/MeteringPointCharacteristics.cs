using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.MeteringPoints;

/// <summary>
/// The <c>MarketEvaluationPoint</c> of an E07 record. Codes are kept as sent (a reader does not refuse master data
/// for a code it does not know); <see cref="AccountingPointValidator"/> says which are unknown.
/// </summary>
/// <param name="Gsrn">The metering point (<c>mRID</c>).</param>
/// <param name="Type">E17 consumption, E18 production, E20 exchange, D01..D99 child types.</param>
/// <param name="SettlementMethod">E01 profiled, E02 non-profiled, D01 flex.</param>
/// <param name="MeteringMethod">D01 physical, D02 virtual, D03 calculated.</param>
/// <param name="ConnectionState">D03 new, E22 connected, E23 disconnected, D02 closed down.</param>
/// <param name="ReadCycle">The resolution of its meter data (PT15M, PT1H), as sent.</param>
/// <param name="NetSettlementGroup">The net settlement group ("nettoafregningsgruppe"), as sent.</param>
/// <param name="GridArea">The metering grid area (<c>meteringGridArea_Domain.mRID</c>), 3 digits.</param>
/// <param name="GridOperator">The metering point responsible (grid company) GLN.</param>
/// <param name="EnergySupplier">The energy supplier GLN.</param>
/// <param name="SupplyStart">When the energy supplier's supply started.</param>
/// <param name="LinkedPoint">A linked metering point (<c>linked_MarketEvaluationPoint.mRID</c>).</param>
/// <param name="Parent">The parent point of a child point.</param>
/// <param name="Children">The child points with their types.</param>
/// <param name="Address">The installation address, when given.</param>
/// <param name="Description">Free text.</param>
public sealed record MeteringPointCharacteristics(
    Gsrn Gsrn,
    string? Type,
    string? SettlementMethod,
    string? MeteringMethod,
    string? ConnectionState,
    string? ReadCycle,
    string? NetSettlementGroup,
    string? GridArea,
    Gln? GridOperator,
    Gln? EnergySupplier,
    Instant? SupplyStart,
    Gsrn? LinkedPoint,
    Gsrn? Parent,
    ValueList<ChildMeteringPoint> Children,
    PostalAddress? Address,
    string? Description);

/// <summary>A child point (<c>Child_MarketEvaluationPoint</c>) and its type (sent in its <c>description</c>).</summary>
public sealed record ChildMeteringPoint(Gsrn Gsrn, string? Type);
