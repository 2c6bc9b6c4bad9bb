using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.Requests;

/// <summary>
/// RejectRequestValidatedMeasureData_MarketDocument (type ERR): DataHub refuses (parts of) an RSM-015 request.
/// </summary>
/// <param name="Header">The header.</param>
/// <param name="ReasonCode">The document-level <c>reason.code</c>, when given (A02 rejected).</param>
/// <param name="Series">The refused series, each with its reasons.</param>
public sealed record RejectRequestValidatedMeasureData(
    MarketDocumentHeader Header, string? ReasonCode, ValueList<RejectedMeasureDataRequest> Series)
{
    public const string DocumentType = "ERR";
}

/// <summary>A refused series of the request.</summary>
/// <param name="SeriesId">The series <c>mRID</c> of the reject.</param>
/// <param name="OriginalTransactionId">The request series it refuses (<c>originalTransactionIDReference_Series.mRID</c>).</param>
/// <param name="MeteringPoint">The GSRN, when given.</param>
/// <param name="Reasons">At least one reason.</param>
public sealed record RejectedMeasureDataRequest(
    string SeriesId, string? OriginalTransactionId, Gsrn? MeteringPoint, ValueList<RejectReason> Reasons);

/// <summary>Why DataHub refused: a code (e.g. E0H, D18) and a text.</summary>
public sealed record RejectReason(string Code, string? Text);
