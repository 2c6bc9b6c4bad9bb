using BiO.Grains.BillRuns;
using NodaTime;

namespace BiO.Grains.Tests;

/// <summary>A bill run's progress writes: every period while they are quick, spaced by their duration when they are not.</summary>
public class ProgressWritePacingTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 4, 5, 6, 0);
    private static readonly Duration Every = Duration.FromSeconds(2);

    [Fact]
    public void Quick_writes_come_once_the_period_has_passed_since_the_last_write_started()
    {
        var pacing = new ProgressWritePacing(Every);
        pacing.Start(Start);

        Assert.False(pacing.IsDue(Start + Duration.FromSeconds(2)));
        Assert.True(pacing.IsDue(Start + Duration.FromMilliseconds(2001)));

        var started = Start + Duration.FromSeconds(3);
        pacing.Written(started, started + Duration.FromMilliseconds(50));
        Assert.False(pacing.IsDue(started + Duration.FromSeconds(2)));
        Assert.True(pacing.IsDue(started + Duration.FromMilliseconds(2001)));
    }

    [Fact]
    public void A_slow_write_holds_the_next_back_for_ten_times_its_duration()
    {
        var pacing = new ProgressWritePacing(Every);
        pacing.Start(Start);
        var took = Duration.FromMilliseconds(700); // e.g. a 100,000-account run

        pacing.Written(Start, Start + took);

        Assert.False(pacing.IsDue(Start + Duration.FromSeconds(5)));
        Assert.False(pacing.IsDue(Start + (took * ProgressWritePacing.Spacing)));
        Assert.True(pacing.IsDue(Start + (took * ProgressWritePacing.Spacing) + Duration.FromMilliseconds(1)));

        // Once writes are quick again, the period is what counts.
        var later = Start + Duration.FromSeconds(8);
        pacing.Written(later, later + Duration.FromMilliseconds(10));
        Assert.True(pacing.IsDue(later + Duration.FromMilliseconds(2001)));
    }

    [Fact]
    public void Starting_again_forgets_the_last_write()
    {
        var pacing = new ProgressWritePacing(Every);
        pacing.Written(Start, Start + Duration.FromSeconds(1));

        var restart = Start + Duration.FromSeconds(3);
        pacing.Start(restart);

        Assert.True(pacing.IsDue(restart + Duration.FromMilliseconds(2001)));
    }
}
