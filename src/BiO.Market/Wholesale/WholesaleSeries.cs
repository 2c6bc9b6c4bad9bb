using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Wholesale;

/// <summary>
/// One series of an RSM-019 document: DataHub's settlement of one charge (or, without a charge, a total amount) for
/// one energy supplier in one grid area over the series' interval.
/// </summary>
/// <param name="SeriesId">The series <c>mRID</c>.</param>
/// <param name="Version">The settlement it belongs to: the wholesale fixing for process D05, else its <c>settlement_Series.version</c>.</param>
/// <param name="GridArea">The <c>meteringGridArea_Domain.mRID</c>, e.g. "344".</param>
/// <param name="EnergySupplier">The <c>energySupplier_MarketParticipant.mRID</c>.</param>
/// <param name="ChargeType">The <c>chargeType.type</c> (D01 subscription, D02 fee, D03 tariff); null for a total amount series.</param>
/// <param name="ChargeCode">The <c>chargeType.mRID</c>; null for a total amount series.</param>
/// <param name="ChargeOwner">The <c>chargeType.chargeTypeOwner_MarketParticipant.mRID</c>; null for a total amount series.</param>
/// <param name="MeteringPointType">The <c>marketEvaluationPoint.type</c> (E17 consumption, ...), when given.</param>
/// <param name="SettlementMethod">The <c>marketEvaluationPoint.settlementMethod</c> (E02 non-profiled, D01 flex), when given.</param>
/// <param name="Resolution">The <c>Period.resolution</c>: PT15M, PT1H, P1D or P1M.</param>
/// <param name="TimeInterval">The <c>Period.timeInterval</c>, starting and ending at local midnight.</param>
/// <param name="QuantityUnit">The <c>quantity_Measure_Unit.name</c> (KWH for tariffs, PCS for subscriptions and fees).</param>
/// <param name="PriceUnit">The <c>price_Measure_Unit.name</c>, when given.</param>
/// <param name="Currency">The <c>currency_Unit.name</c> (DKK), when given.</param>
/// <param name="Points">The points in document order.</param>
public sealed record WholesaleSeries(
    string SeriesId,
    SettlementVersion Version,
    string GridArea,
    Gln EnergySupplier,
    ChargeType? ChargeType,
    string? ChargeCode,
    Gln? ChargeOwner,
    string? MeteringPointType,
    string? SettlementMethod,
    Resolution Resolution,
    Interval TimeInterval,
    string QuantityUnit,
    string? PriceUnit,
    string? Currency,
    ValueList<WholesalePoint> Points)
{
    /// <summary>The charge the series settles; null for a total amount series.</summary>
    public ChargeKey? Charge => ChargeType is { } type && ChargeCode is { } code && ChargeOwner is { } owner
        ? new ChargeKey(owner.Value, code, type)
        : null;

    /// <summary>The sum of the points' amounts (DKK, unrounded); a point without an amount counts as zero.</summary>
    public decimal Amount => Points.Sum(p => p.Amount ?? 0m);

    /// <summary>The sum of the points' quantities; a point without a quantity counts as zero.</summary>
    public decimal Quantity => Points.Sum(p => p.Quantity ?? 0m);
}
