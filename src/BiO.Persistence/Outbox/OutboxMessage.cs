using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>Where an outgoing message stands.</summary>
public enum OutboxState
{
    /// <summary>To be sent: at <see cref="OutboxMessage.NextAttemptAt"/> (again, after a failed attempt).</summary>
    Waiting = 1,

    /// <summary>Handed over to the receiver; no answer yet. Still pending: the key is not enqueued again.</summary>
    Sent = 2,

    /// <summary>The receiver accepted it.</summary>
    Answered = 3,

    /// <summary>The receiver refused it, with a reason.</summary>
    Rejected = 4,

    /// <summary>Given up after the policy's last attempt failed.</summary>
    Failed = 5,
}

/// <summary>The kinds of outgoing messages BiO has.</summary>
public static class OutboxKinds
{
    /// <summary>An RSM-015 request for validated meter data, to DataHub.</summary>
    public const string MeterDataRequest = "rsm-015";

    /// <summary>An issued invoice, to the integration gateway (ERP, finance, CRM).</summary>
    public const string InvoiceIssued = "invoice-issued";
}

/// <summary>A message to put on the outbox.</summary>
/// <param name="Kind">Which sender takes it, e.g. <see cref="OutboxKinds.MeterDataRequest"/>.</param>
/// <param name="Key">The dedupe key: at most one message per key is pending (waiting or sent) at a time.</param>
/// <param name="Payload">The body as sent.</param>
/// <param name="ContentType">The media type of <paramref name="Payload"/>.</param>
public sealed record OutgoingMessage(string Kind, string Key, string Payload, string ContentType)
{
    /// <exception cref="ArgumentException">A field is empty.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(Key);
        ArgumentNullException.ThrowIfNull(Payload);
        ArgumentException.ThrowIfNullOrWhiteSpace(ContentType);
    }
}

/// <summary>A message on the outbox and how far it got.</summary>
/// <param name="Id">Its id, increasing in enqueue order.</param>
/// <param name="Kind">Which sender takes it.</param>
/// <param name="Key">The dedupe key.</param>
/// <param name="Payload">The body as sent.</param>
/// <param name="ContentType">The media type of the payload.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="Attempts">How many sends were tried (successful or not).</param>
/// <param name="NextAttemptAt">When it is due (while waiting); a claim moves it forward by the lease.</param>
/// <param name="State">Where it stands.</param>
/// <param name="RejectReason">Why the receiver refused it (state <see cref="OutboxState.Rejected"/>).</param>
/// <param name="LastError">The error of the last failed attempt, if any.</param>
/// <param name="SentAt">When it was handed over, if it was.</param>
/// <param name="AnsweredAt">When the answer (accept or reject) was recorded.</param>
public sealed record OutboxMessage(
    long Id,
    string Kind,
    string Key,
    string Payload,
    string ContentType,
    Instant CreatedAt,
    int Attempts,
    Instant NextAttemptAt,
    OutboxState State,
    string? RejectReason,
    string? LastError,
    Instant? SentAt,
    Instant? AnsweredAt)
{
    /// <summary>Waiting or sent: another message with the same key is not enqueued meanwhile.</summary>
    public bool IsPending => State is OutboxState.Waiting or OutboxState.Sent;
}
