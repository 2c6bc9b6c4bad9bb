using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>The outbox of the embedded profile without a database, with the same contract: lost when the process stops.</summary>
public sealed class InMemoryOutbox(OutboxPolicy policy) : IOutbox
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<long, OutboxMessage> messages = [];
    private long lastId;

    public Task<bool> EnqueueAsync(OutgoingMessage message, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        lock (gate)
        {
            if (messages.Values.Any(m => m.Key == message.Key && m.IsPending))
            {
                return Task.FromResult(false);
            }

            var id = ++lastId;
            messages[id] = new OutboxMessage(id, message.Kind, message.Key, message.Payload, message.ContentType, now, 0, now, OutboxState.Waiting, null, null, null, null);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> DueAsync(string kind, Instant now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            var claimed = messages.Values
                .Where(m => m.State == OutboxState.Waiting && m.Kind == kind && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(limit)
                .Select(m => m with { NextAttemptAt = now + policy.ClaimLease })
                .ToList();
            foreach (var message in claimed)
            {
                messages[message.Id] = message;
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed.OrderBy(m => m.Id).ToList());
        }
    }

    public Task<bool> MarkSentAsync(long id, Instant now, CancellationToken cancellationToken = default) =>
        Task.FromResult(Change(id, m => m.State == OutboxState.Waiting, m => m with { State = OutboxState.Sent, Attempts = m.Attempts + 1, SentAt = now }));

    public Task<bool> MarkFailedAttemptAsync(long id, string error, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return Task.FromResult(Change(id, m => m.State == OutboxState.Waiting, m =>
        {
            var (attempts, state, next) = policy.AfterFailedAttempt(m.Attempts, now);
            return m with { Attempts = attempts, State = state, NextAttemptAt = next, LastError = error };
        }));
    }

    public Task<bool> RecordAnswerAsync(string key, bool accepted, string? reason, Instant now, CancellationToken cancellationToken = default)
    {
        OutboxAnswers.Validate(key, accepted, reason);
        lock (gate)
        {
            var pending = messages.Values.FirstOrDefault(m => m.Key == key && m.IsPending);
            if (pending is null)
            {
                return Task.FromResult(false);
            }

            messages[pending.Id] = accepted
                ? pending with { State = OutboxState.Answered, RejectReason = null, AnsweredAt = now }
                : pending with { State = OutboxState.Rejected, RejectReason = reason, AnsweredAt = now };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state, string? kind, int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(messages.Values
                .Where(m => (state is null || m.State == state) && (kind is null || m.Kind == kind) && (before is null || m.Id < before))
                .OrderByDescending(m => m.Id)
                .Take(limit)
                .ToList());
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(messages.Values.Where(m => m.Key == key).ToList());
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ByKeyPrefixAsync(string kind, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(
                messages.Values.Where(m => m.Kind == kind && m.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(m => m.Id).ToList());
        }
    }

    private bool Change(long id, Func<OutboxMessage, bool> allowed, Func<OutboxMessage, OutboxMessage> change)
    {
        lock (gate)
        {
            if (!messages.TryGetValue(id, out var message) || !allowed(message))
            {
                return false;
            }

            messages[id] = change(message);
            return true;
        }
    }
}
