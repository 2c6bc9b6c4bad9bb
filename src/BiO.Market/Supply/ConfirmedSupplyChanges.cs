using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;

namespace BiO.Market.Supply;

/// <summary>A confirmed change of our supply of one metering point: what <see cref="SupplyPeriods.With"/> takes.</summary>
public sealed record ConfirmedSupplyChange(Gsrn MeteringPoint, SupplyChange Change);

/// <summary>The changes a confirm makes effective, and the confirm records that do not match the request.</summary>
public sealed record ConfirmedSupplyChanges(ValueList<ConfirmedSupplyChange> Changes, ValueList<DocumentProblem> Problems)
{
    /// <summary>
    /// Pairs a confirm with the request it answers by <c>originalTransactionIDReference_MktActivityRecord.mRID</c> =
    /// the request record's <c>mRID</c>. A confirmed record gives the <see cref="SupplyChange"/> (request id, the
    /// process's event, the requested effective date); a confirm record without a reference, with an unknown one, for
    /// another GSRN or of another process is a problem and gives no change.
    /// </summary>
    public static ConfirmedSupplyChanges Of(RequestChangeOfSupplier request, ConfirmRequestChangeOfSupplier confirm)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(confirm);
        var requested = request.Records.ToDictionary(r => r.TransactionId, StringComparer.Ordinal);
        var changes = new List<ConfirmedSupplyChange>();
        var problems = new List<DocumentProblem>();
        var documentId = confirm.Header.DocumentId;
        if (confirm.Header.Process != request.Header.Process)
        {
            problems.Add(new DocumentProblem(documentId, null, "process.processType",
                $"The confirm is for process {confirm.Header.Process.Code()}; request {request.Header.DocumentId} is {request.Header.Process.Code()}."));
            return new ConfirmedSupplyChanges(ValueList<ConfirmedSupplyChange>.Empty, ValueList<DocumentProblem>.Of(problems));
        }

        for (var r = 0; r < confirm.Records.Count; r++)
        {
            var record = confirm.Records[r];
            var place = $"MktActivityRecord[{r}]";
            if (record.OriginalTransactionId is not { } original)
            {
                problems.Add(new DocumentProblem(documentId, record.TransactionId, $"{place}.originalTransactionIDReference_MktActivityRecord.mRID",
                    "The confirm record names no request record."));
            }
            else if (!requested.TryGetValue(original, out var asked))
            {
                problems.Add(new DocumentProblem(documentId, record.TransactionId, $"{place}.originalTransactionIDReference_MktActivityRecord.mRID",
                    $"Request {request.Header.DocumentId} has no record {original}."));
            }
            else if (asked.MeteringPoint != record.MeteringPoint)
            {
                problems.Add(new DocumentProblem(documentId, record.TransactionId, $"{place}.marketEvaluationPoint.mRID",
                    $"Metering point {record.MeteringPoint} is not {asked.MeteringPoint} of request record {original}."));
            }
            else
            {
                changes.Add(new ConfirmedSupplyChange(asked.MeteringPoint,
                    new SupplyChange(asked.TransactionId, RequestChangeOfSupplier.EventOf(request.Header.Process), asked.Start)));
            }
        }

        return new ConfirmedSupplyChanges(ValueList<ConfirmedSupplyChange>.Of(changes), ValueList<DocumentProblem>.Of(problems));
    }
}
