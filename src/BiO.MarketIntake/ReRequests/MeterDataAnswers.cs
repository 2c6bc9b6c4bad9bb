using BiO.Market.Measurements;
using BiO.Market.Requests;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BiO.MarketIntake.ReRequests;

/// <summary>
/// Records DataHub's answers to re-requests on the outbox: an RSM-012 with process E30 answers each request series its
/// series refer to; a RejectRequestValidatedMeasureData refuses each series it names, with DataHub's reasons. A
/// reference that is not one of our pending requests is logged and skipped. Recording twice changes nothing.
/// </summary>
public sealed partial class MeterDataAnswers(IOutbox outbox, IClock clock, ILogger<MeterDataAnswers> logger)
{
    /// <summary>The E30 answer: each distinct request its series refer to is Answered.</summary>
    /// <returns>How many requests were answered now.</returns>
    public Task<int> RecordAsync(ValidatedMeasureData answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var references = answer.Series.Select(s => s.OriginalTransactionId).Distinct(StringComparer.Ordinal)
            .Select(r => (r, true, (string?)null));
        return RecordAsync(answer.Header.DocumentId, references, cancellationToken);
    }

    /// <summary>The reject: each request it names is Rejected with the reasons, as "code: text" joined by "; ".</summary>
    /// <returns>How many requests were rejected now.</returns>
    public Task<int> RecordAsync(RejectRequestValidatedMeasureData reject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reject);
        var references = reject.Series
            .GroupBy(s => s.OriginalTransactionId, StringComparer.Ordinal)
            .Select(g => (g.Key, false, (string?)string.Join("; ", g.SelectMany(s => s.Reasons).Select(r => r.Text is null ? r.Code : $"{r.Code}: {r.Text}").Distinct())));
        return RecordAsync(reject.Header.DocumentId, references, cancellationToken);
    }

    private async Task<int> RecordAsync(string documentId, IEnumerable<(string? Reference, bool Accepted, string? Reason)> answers, CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var (reference, accepted, reason) in answers)
        {
            if (!MeterDataTransactions.TryMessageId(reference, out var id))
            {
                UnknownReference(documentId, reference ?? "(none)");
                continue;
            }

            // The message with this id: the newest of the kind below id + 1.
            var found = await outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 1, id + 1, cancellationToken);
            if (found is not [{ } message] || message.Id != id)
            {
                UnknownReference(documentId, reference!);
                continue;
            }

            if (!message.IsPending)
            {
                NotPending(documentId, reference!, message.State);
                continue;
            }

            if (await outbox.RecordAnswerAsync(message.Key, accepted, reason, clock.GetCurrentInstant(), cancellationToken))
            {
                recorded++;
            }
        }

        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} refers to request series {Reference}, which is not one of our meter data requests")]
    private partial void UnknownReference(string documentId, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} answers request series {Reference}, which is {State} already")]
    private partial void NotPending(string documentId, string reference, OutboxState state);
}
