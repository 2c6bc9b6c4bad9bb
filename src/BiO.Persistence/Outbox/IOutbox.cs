using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>
/// The persisted outbox for messages to the outside (RSM-015 requests to DataHub, issued invoices to the integration
/// gateway): enqueued once per pending key, claimed by one sender at a time, retried with back-off
/// (<see cref="OutboxPolicy"/>), and closed by the receiver's answer. Every time is passed in; there is no clock inside.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Adds <paramref name="message"/> unless a message with its key is pending (waiting or sent); a key whose message was
    /// answered, rejected or failed may be enqueued again. Returns whether it was added.
    /// </summary>
    Task<bool> EnqueueAsync(OutgoingMessage message, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> waiting messages of <paramref name="kind"/> due at <paramref name="now"/>,
    /// oldest due first: each is held for the policy's claim lease, so concurrent senders never get the same message.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> DueAsync(string kind, Instant now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records that a waiting message was handed over (one attempt more); false when it is not waiting.</summary>
    Task<bool> MarkSentAsync(long id, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt of a waiting message with its error: due again after the policy's back-off, or Failed
    /// after the last attempt. False when it is not waiting.
    /// </summary>
    Task<bool> MarkFailedAttemptAsync(long id, string error, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the receiver's answer to the pending message with <paramref name="key"/>: Answered, or Rejected with
    /// <paramref name="reason"/> (required then). False when no message with the key is pending.
    /// </summary>
    Task<bool> RecordAnswerAsync(string key, bool accepted, string? reason, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Messages, newest first, optionally of one state and kind, a page at a time (ids below <paramref name="before"/> when given).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state, string? kind, int limit, long? before = null, CancellationToken cancellationToken = default);

    /// <summary>Every message ever enqueued with <paramref name="key"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ByKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every message of <paramref name="kind"/> whose key starts with <paramref name="prefix"/>, oldest first (e.g. a metering point's re-requests).</summary>
    Task<IReadOnlyList<OutboxMessage>> ByKeyPrefixAsync(string kind, string prefix, CancellationToken cancellationToken = default);
}
