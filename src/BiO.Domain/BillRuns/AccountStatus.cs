using BiO.Domain.Invoicing;

namespace BiO.Domain.BillRuns;

/// <summary>Where an account stands in a bill run.</summary>
public enum AccountState
{
    /// <summary>Not looked at yet.</summary>
    Pending = 1,

    /// <summary>Everything needed is there; its invoice is being made.</summary>
    Ready = 2,

    /// <summary>Something is missing (meter data, prices, a payer...); it is settled when that arrives.</summary>
    Waiting = 3,

    /// <summary>Invoiced: final, it never goes back.</summary>
    Settled = 4,

    /// <summary>Could not be invoiced for a reason a person must look at; may be retried.</summary>
    Failed = 5,

    /// <summary>Nothing of the account is due in the period: final, like Settled.</summary>
    NotDue = 6,
}

/// <summary>The status of one account in a bill run: its state and what goes with it.</summary>
public abstract record AccountStatus
{
    private protected AccountStatus()
    {
    }

    public abstract AccountState State { get; }

    /// <summary>The status of an account not yet looked at.</summary>
    public static AccountStatus Pending { get; } = new PendingStatus();

    /// <summary>The status of an account ready to be invoiced.</summary>
    public static AccountStatus Ready { get; } = new ReadyStatus();

    /// <summary>The status of an account with nothing due in the period.</summary>
    public static AccountStatus NotDue { get; } = new NotDueStatus();
}

/// <summary>Nothing due in the period.</summary>
public sealed record NotDueStatus : AccountStatus
{
    internal NotDueStatus()
    {
    }

    public override AccountState State => AccountState.NotDue;
}

/// <summary>Not looked at yet.</summary>
public sealed record PendingStatus : AccountStatus
{
    internal PendingStatus()
    {
    }

    public override AccountState State => AccountState.Pending;
}

/// <summary>Ready: everything needed is there.</summary>
public sealed record ReadyStatus : AccountStatus
{
    internal ReadyStatus()
    {
    }

    public override AccountState State => AccountState.Ready;
}

/// <summary>Waiting for what is missing, each reason saying what and where.</summary>
public sealed record WaitingStatus : AccountStatus
{
    /// <exception cref="ArgumentException">No reasons, or a blank one.</exception>
    public WaitingStatus(IEnumerable<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var list = reasons.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A waiting account says what it waits for: one or more reasons, none blank.", nameof(reasons));
        }

        Reasons = list;
    }

    public override AccountState State => AccountState.Waiting;

    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Equal when the reasons are equal, in order.</summary>
    public bool Equals(WaitingStatus? other) => other is not null && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal);

    public override int GetHashCode() => Reasons.Aggregate(0, (h, r) => HashCode.Combine(h, r));
}

/// <summary>Invoiced under a number.</summary>
public sealed record SettledStatus(InvoiceNumber Number) : AccountStatus
{
    public override AccountState State => AccountState.Settled;
}

/// <summary>Failed, with the reason.</summary>
public sealed record FailedStatus : AccountStatus
{
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public FailedStatus(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A failed account says why, got nothing.", nameof(reason));
        }

        Reason = reason;
    }

    public override AccountState State => AccountState.Failed;

    public string Reason { get; }
}
