using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.Supply;

/// <summary>
/// ConfirmRequestChangeOfSupplier_MarketDocument: DataHub accepts a RequestChangeOfSupplier. Its type is E44 (the
/// XSD's default and the only one it is read with).
/// </summary>
/// <param name="Header">The header; the process is the request's.</param>
/// <param name="ReasonCode">The document <c>reason.code</c> (A01 fully accepted), when given.</param>
/// <param name="Records">One record per confirmed request record.</param>
public sealed record ConfirmRequestChangeOfSupplier(MarketDocumentHeader Header, string? ReasonCode, ValueList<SupplyChangeConfirmation> Records)
{
    public const string DocumentType = "E44";
}

/// <summary>A confirmed request record.</summary>
/// <param name="TransactionId">The confirm's own record <c>mRID</c>.</param>
/// <param name="OriginalTransactionId">The request record it confirms (<c>originalTransactionIDReference_MktActivityRecord.mRID</c>).</param>
/// <param name="MeteringPoint">The GSRN.</param>
public sealed record SupplyChangeConfirmation(string TransactionId, string? OriginalTransactionId, Gsrn MeteringPoint);
