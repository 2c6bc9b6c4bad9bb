using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>
/// When an outgoing message is tried again: exponential back-off from <see cref="FirstDelay"/>, doubling per failed
/// attempt, capped at <see cref="MaxDelay"/>; after <see cref="MaxAttempts"/> failed attempts it is given up (Failed).
/// A claim (<see cref="IOutbox.DueAsync"/>) holds a message for <see cref="ClaimLease"/>: a sender that dies meanwhile
/// leaves it to be claimed again after the lease.
/// </summary>
public sealed record OutboxPolicy
{
    /// <exception cref="ArgumentOutOfRangeException">A delay or the lease is not positive, the cap is below the first delay, or no attempt is allowed.</exception>
    public OutboxPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration claimLease)
    {
        if (firstDelay <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDelay), firstDelay, "The first delay must be positive.");
        }

        if (maxDelay < firstDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, "The cap must not be below the first delay.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        if (claimLease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(claimLease), claimLease, "The claim lease must be positive.");
        }

        FirstDelay = firstDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
        ClaimLease = claimLease;
    }

    /// <summary>5 s doubling, capped at 10 min, 20 attempts (about 2 h 10 min of trying), claims held for 2 min.</summary>
    public static OutboxPolicy Default { get; } = new(Duration.FromSeconds(5), Duration.FromMinutes(10), 20, Duration.FromMinutes(2));

    public Duration FirstDelay { get; }

    public Duration MaxDelay { get; }

    public int MaxAttempts { get; }

    public Duration ClaimLease { get; }

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt: first delay x 2^(n-1), at most the cap.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failedAttempts"/> is below 1.</exception>
    public Duration BackOff(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        var delay = FirstDelay;
        for (var n = 1; n < failedAttempts && delay < MaxDelay; n++)
        {
            delay += delay;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>
    /// What a failed attempt leads to: the attempts so far, and either the next attempt's time or Failed when
    /// <paramref name="attemptsBefore"/> + 1 reaches <see cref="MaxAttempts"/>.
    /// </summary>
    public (int Attempts, OutboxState State, Instant NextAttemptAt) AfterFailedAttempt(int attemptsBefore, Instant now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attemptsBefore);
        var attempts = attemptsBefore + 1;
        return attempts >= MaxAttempts
            ? (attempts, OutboxState.Failed, now)
            : (attempts, OutboxState.Waiting, now + BackOff(attempts));
    }
}
