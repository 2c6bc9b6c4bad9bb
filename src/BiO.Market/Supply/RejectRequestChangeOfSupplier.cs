using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Supply;

/// <summary>
/// RejectRequestChangeOfSupplier_MarketDocument: DataHub refuses a RequestChangeOfSupplier, each record with its
/// reasons (e.g. E10 metering point not identifiable, E16 unauthorised supplier, E22 blocked for switching). Type E44
/// as in the XSD.
/// </summary>
/// <param name="Header">The header; the process is the request's.</param>
/// <param name="ReasonCode">The document <c>reason.code</c> (A02 fully rejected), when given.</param>
/// <param name="Records">The refused records.</param>
public sealed record RejectRequestChangeOfSupplier(MarketDocumentHeader Header, string? ReasonCode, ValueList<SupplyChangeRejection> Records)
{
    public const string DocumentType = "E44";
}

/// <summary>A refused request record.</summary>
/// <param name="TransactionId">The reject's own record <c>mRID</c>.</param>
/// <param name="OriginalTransactionId">The request record it refuses.</param>
/// <param name="MeteringPoint">The GSRN, when given.</param>
/// <param name="Reasons">At least one reason: a code and a text.</param>
public sealed record SupplyChangeRejection(string TransactionId, string? OriginalTransactionId, Gsrn? MeteringPoint, ValueList<RejectReason> Reasons);
