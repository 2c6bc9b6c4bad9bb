using NodaTime;

namespace BiO.MarketIntake;

/// <summary>
/// Received instants that strictly increase in the order they are handed out, whatever the clock says: the clock's
/// instant when it is later than the last one handed out by at least <see cref="Step"/>, else the last one plus
/// <see cref="Step"/>. The inbox dates its files by it in name order, so a later file's meter data never counts as
/// received before (or at the same instant as) an earlier file's, even when they are taken in concurrently.
/// </summary>
public sealed class ReceivedInstants
{
    /// <summary>
    /// The least distance between two instants handed out: one microsecond, not one tick, because PostgreSQL keeps a
    /// timestamptz to the microsecond; instants one tick apart would be stored as the same instant and so tie again.
    /// </summary>
    public static readonly Duration Step = Duration.FromNanoseconds(1_000);

    private readonly Lock gate = new();
    private Instant? last;

    /// <summary>The instant to date the next document by, given the clock's <paramref name="now"/>.</summary>
    public Instant Next(Instant now)
    {
        lock (gate)
        {
            var next = last is { } previous && now < previous + Step ? previous + Step : now;
            last = next;
            return next;
        }
    }
}
