using NodaTime;

namespace BiO.Grains.BillRuns;

/// <summary>
/// When a bill run writes its progress while it settles accounts. The run's state holds every account, so a write
/// costs in proportion to the run's size (about 70 bytes per account: 6.6 MB at 100,000), and new accounts are not
/// started while it is written. A write is due once <c>every</c> has passed since the last one AND
/// <see cref="Spacing"/> times as long as the last write took: at most about 1 / (1 + Spacing) of the run is spent
/// waiting for progress writes, however large it is. An account settled after the last write is found settled again
/// after a crash (by its invoice), so spacing writes only costs that re-check.
/// </summary>
public sealed class ProgressWritePacing(Duration every)
{
    /// <summary>How many times its own duration must pass after a write before the next.</summary>
    public const int Spacing = 10;

    private Instant lastStarted;
    private Duration lastTook = Duration.Zero;

    /// <summary>Starts pacing at <paramref name="now"/>, as if a write had just taken no time.</summary>
    public void Start(Instant now)
    {
        lastStarted = now;
        lastTook = Duration.Zero;
    }

    /// <summary>Whether a progress write is due at <paramref name="now"/>.</summary>
    public bool IsDue(Instant now)
    {
        var wait = lastTook * Spacing;
        return now - lastStarted > (wait > every ? wait : every);
    }

    /// <summary>A write started at <paramref name="started"/> finished at <paramref name="finished"/>.</summary>
    public void Written(Instant started, Instant finished)
    {
        lastStarted = started;
        lastTook = finished - started;
    }
}
