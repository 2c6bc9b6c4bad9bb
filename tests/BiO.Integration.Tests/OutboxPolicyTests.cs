using BiO.Persistence.Outbox;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>The back-off of <see cref="OutboxPolicy"/>: a pure function, no database.</summary>
public class OutboxPolicyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 1, 8, 0);

    [Fact]
    public void The_default_waits_5_seconds_doubling_up_to_10_minutes()
    {
        var policy = OutboxPolicy.Default;
        int[] seconds = [5, 10, 20, 40, 80, 160, 320, 600, 600];
        Assert.Equal(seconds.Select(s => Duration.FromSeconds(s)), Enumerable.Range(1, seconds.Length).Select(policy.BackOff));
        Assert.Equal(Duration.FromMinutes(10), policy.BackOff(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.BackOff(0));
    }

    [Fact]
    public void A_failed_attempt_waits_its_back_off_until_the_last_attempt_gives_up()
    {
        var policy = new OutboxPolicy(Duration.FromSeconds(2), Duration.FromSeconds(7), maxAttempts: 3, claimLease: Duration.FromMinutes(1));

        Assert.Equal((1, OutboxState.Waiting, Now + Duration.FromSeconds(2)), policy.AfterFailedAttempt(0, Now));
        Assert.Equal((2, OutboxState.Waiting, Now + Duration.FromSeconds(4)), policy.AfterFailedAttempt(1, Now));
        Assert.Equal((3, OutboxState.Failed, Now), policy.AfterFailedAttempt(2, Now));
        Assert.Equal(Duration.FromSeconds(7), policy.BackOff(3));
    }

    [Fact]
    public void A_policy_without_attempts_or_with_a_cap_below_the_first_delay_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxPolicy(Duration.FromSeconds(5), Duration.FromSeconds(4), 3, Duration.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxPolicy(Duration.FromSeconds(5), Duration.FromSeconds(5), 0, Duration.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxPolicy(Duration.Zero, Duration.FromSeconds(5), 3, Duration.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxPolicy(Duration.FromSeconds(5), Duration.FromSeconds(5), 3, Duration.Zero));
    }
}
