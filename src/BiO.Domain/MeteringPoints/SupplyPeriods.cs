using NodaTime;

namespace BiO.Domain.MeteringPoints;

/// <summary>Why our supply of a metering point starts or ends (BRS-001, BRS-009, BRS-010; RequestChangeOfSupplier 392).</summary>
public enum SupplyEvent
{
    /// <summary>E03 change of supplier: our supply starts.</summary>
    ChangeOfSupplier,

    /// <summary>E65 move-in: our supply starts with a new customer.</summary>
    MoveIn,

    /// <summary>E20 end of supply (or a move-out, or another supplier taking over): our supply ends.</summary>
    EndOfSupply,
}

/// <summary>A confirmed start or end of our supply, with the id of the request that made it (idempotency key).</summary>
public sealed record SupplyChange(string RequestId, SupplyEvent Event, Instant Effective)
{
    public bool Starts => Event is SupplyEvent.ChangeOfSupplier or SupplyEvent.MoveIn;
}

/// <summary>
/// The periods in which we supply a metering point, [start, end) with an open end while supplying. Meter data outside
/// them is kept but never billed. Built from confirmed supply changes in any order: the result depends only on the
/// set of changes (a change with a known request id changes nothing).
/// </summary>
public sealed record SupplyPeriods
{
    public static SupplyPeriods Empty { get; } = new([]);

    private SupplyPeriods(IReadOnlyList<SupplyChange> changes)
    {
        Changes = changes;
        Periods = Build(changes);
    }

    /// <summary>The changes applied, ordered by effective instant (starts before ends at the same instant).</summary>
    public IReadOnlyList<SupplyChange> Changes { get; }

    /// <summary>The supply periods; the last may have no end.</summary>
    public IReadOnlyList<Interval> Periods { get; }

    /// <summary>Applies a confirmed change; the same request id again changes nothing.</summary>
    /// <exception cref="ArgumentException">Another change already takes effect at that instant with the opposite meaning.</exception>
    public SupplyPeriods With(SupplyChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Changes.Any(c => c.RequestId == change.RequestId))
        {
            return this;
        }

        var clash = Changes.FirstOrDefault(c => c.Effective == change.Effective && c.Starts != change.Starts);
        if (clash is not null)
        {
            throw new ArgumentException(
                $"Request {change.RequestId} ({change.Event} at {change.Effective}) contradicts request {clash.RequestId} ({clash.Event} at the same instant).",
                nameof(change));
        }

        return new SupplyPeriods(Changes.Append(change).OrderBy(c => c.Effective).ThenBy(c => c.Starts ? 0 : 1).ThenBy(c => c.RequestId, StringComparer.Ordinal).ToArray());
    }

    /// <summary>Whether we supply at <paramref name="instant"/>.</summary>
    public bool Supplies(Instant instant) => Periods.Any(p => p.Contains(instant));

    /// <summary>The parts of <paramref name="period"/> in which we supply, in order.</summary>
    public IReadOnlyList<Interval> Within(Interval period) =>
        Periods
            .Where(p => (!p.HasEnd || p.End > period.Start) && p.Start < period.End)
            .Select(p => new Interval(Later(p.Start, period.Start), p.HasEnd ? Earlier(p.End, period.End) : period.End))
            .ToArray();

    // A start opens a period unless one is open; an end closes the open one (an end while not supplying is ignored:
    // it can only repeat what an earlier end said).
    private static Interval[] Build(IReadOnlyList<SupplyChange> changes)
    {
        var periods = new List<Interval>();
        Instant? open = null;
        foreach (var change in changes)
        {
            if (change.Starts)
            {
                open ??= change.Effective;
            }
            else if (open is { } start)
            {
                periods.Add(new Interval(start, change.Effective));
                open = null;
            }
        }

        if (open is { } last)
        {
            periods.Add(new Interval(last, null));
        }

        return periods.ToArray();
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Instant Earlier(Instant a, Instant b) => a < b ? a : b;
}

/// <summary>DataHub's process codes of supply changes.</summary>
public static class SupplyEvents
{
    /// <summary>E03 change of supplier, E65 move-in, E20 end of supply.</summary>
    /// <exception cref="ArgumentException">Another code; the message names it.</exception>
    public static SupplyEvent FromCode(string? code) => code switch
    {
        "E03" => SupplyEvent.ChangeOfSupplier,
        "E65" => SupplyEvent.MoveIn,
        "E20" => SupplyEvent.EndOfSupply,
        _ => throw new ArgumentException($"Process '{code}' is not a supply change (E03 change of supplier, E65 move-in, E20 end of supply).", nameof(code)),
    };
}
