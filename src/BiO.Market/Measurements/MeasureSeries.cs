using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Market.Measurements;

/// <summary>
/// One meter data series (<c>Series</c>) of an RSM-012 document: a metering point and one period of values.
/// </summary>
/// <param name="SeriesId">The series <c>mRID</c> (DataHub's transaction id).</param>
/// <param name="MeteringPoint">The GSRN (<c>marketEvaluationPoint.mRID</c>).</param>
/// <param name="MeteringPointType">E17, E18 or D01..D99.</param>
/// <param name="Unit">The unit code (<c>quantity_Measure_Unit.name</c>), KWH for energy.</param>
/// <param name="RegisteredAt">When the values were registered (<c>registration_DateAndOrTime.dateTime</c>).</param>
/// <param name="OriginalTransactionId">The request's transaction this answers (<c>originalTransactionIDReference_Series.mRID</c>), if any.</param>
/// <param name="Product">The product code (8716867000030 active energy), if given.</param>
/// <param name="Period">The period and its points.</param>
public sealed record MeasureSeries(
    string SeriesId,
    Gsrn MeteringPoint,
    MeteringPointType MeteringPointType,
    string Unit,
    Instant RegisteredAt,
    string? OriginalTransactionId,
    string? Product,
    MeasurePeriod Period);
