using BiO.Domain.MeteringPoints;
using BiO.Grains.MeteringPoints;

namespace BiO.MarketIntake;

/// <summary>From a record of a Confirm/RejectRequestChangeOfSupplier to the answer its metering point is told.</summary>
public static class SupplyAnswerMapping
{
    /// <summary>The answer, or what is wrong with the record (it must name the request's transaction and the metering point).</summary>
    public static (SupplyAnswered? Answer, string? Problem) Answer(
        string documentId, int index, string transactionId, string? requestTransactionId, Gsrn? meteringPoint, bool confirmed, IReadOnlyList<string> reasons)
    {
        var place = $"{documentId}, transaction {transactionId}, at MktActivityRecord[{index}]";
        if (requestTransactionId is null)
        {
            return (null, $"{place}.originalTransactionIDReference_MktActivityRecord.mRID: the answer names no request transaction.");
        }

        return meteringPoint is { } gsrn
            ? (new SupplyAnswered(documentId, gsrn.Value, requestTransactionId, confirmed, reasons), null)
            : (null, $"{place}.marketEvaluationPoint.mRID: the answer names no metering point.");
    }
}
