using BiO.Domain.MeteringPoints;
using NodaTime;

namespace BiO.Market.Requests;

/// <summary>One metering point and period asked for in an RSM-015 request.</summary>
/// <param name="TransactionId">The series <c>mRID</c>; DataHub's answer refers to it as <c>originalTransactionIDReference_Series.mRID</c>.</param>
/// <param name="MeteringPoint">The GSRN.</param>
/// <param name="Period">[start, end) in UTC.</param>
public sealed record MeasureDataRequestSeries(string TransactionId, Gsrn MeteringPoint, Interval Period);
