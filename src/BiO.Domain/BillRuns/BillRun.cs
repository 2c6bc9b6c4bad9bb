using System.Collections.Immutable;
using BiO.Domain.Invoicing;
using BiO.Domain.Time;

namespace BiO.Domain.BillRuns;

/// <summary>Counts of a bill run's accounts per state.</summary>
public sealed record BillRunProgress(int Total, int Pending, int Ready, int Waiting, int Settled, int Failed, int NotDue = 0)
{
    /// <summary>Accounts that need nothing more from the run: settled, failed or not due.</summary>
    public int Done => Settled + Failed + NotDue;

    // One account moved from one state to another: the counts follow without a recount.
    internal BillRunProgress Moved(AccountState from, AccountState to) => With(from, -1).With(to, +1);

    private BillRunProgress With(AccountState state, int delta) => state switch
    {
        AccountState.Pending => this with { Pending = Pending + delta },
        AccountState.Ready => this with { Ready = Ready + delta },
        AccountState.Waiting => this with { Waiting = Waiting + delta },
        AccountState.Settled => this with { Settled = Settled + delta },
        AccountState.Failed => this with { Failed = Failed + delta },
        _ => this with { NotDue = NotDue + delta },
    };
}

/// <summary>
/// The progress of a bill run ("faktureringskørsel") over the accounts due for a billing period: each account's status,
/// the counts, and whether the run is complete. Immutable: every transition returns a new run.
/// Transitions: any state but Settled may become Ready, Waiting, Settled or Failed (a waiting account is settled when
/// what it waited for arrives; a failed one may be retried); Settled is final (the same number again changes nothing).
/// Nothing goes back to Pending. One invoice number settles one account only.
/// </summary>
public sealed class BillRun
{
    private readonly ImmutableSortedDictionary<string, AccountStatus> accounts;

    private readonly ImmutableDictionary<InvoiceNumber, string> settledBy;

    private BillRun(string runId, BillingPeriod period, ImmutableSortedDictionary<string, AccountStatus> accounts, ImmutableDictionary<InvoiceNumber, string> settledBy, BillRunProgress progress)
    {
        RunId = runId;
        Period = period;
        this.accounts = accounts;
        this.settledBy = settledBy;
        Progress = progress;
    }

    public string RunId { get; }

    public BillingPeriod Period { get; }

    /// <summary>Each account's status, by account id (ordinal).</summary>
    public IReadOnlyDictionary<string, AccountStatus> Accounts => accounts;

    public BillRunProgress Progress { get; }

    /// <summary>No account is pending, ready or waiting: every one is settled or failed.</summary>
    public bool IsComplete => Progress.Done == Progress.Total;

    /// <summary>A run over <paramref name="accountIds"/>, all pending.</summary>
    /// <exception cref="ArgumentException">The run id is blank, or an account id is blank or given twice.</exception>
    public static BillRun Start(string runId, BillingPeriod period, IEnumerable<string> accountIds)
    {
        if (string.IsNullOrWhiteSpace(runId))
        {
            throw new ArgumentException("A bill run needs an id, got nothing.", nameof(runId));
        }

        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(accountIds);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, AccountStatus>(StringComparer.Ordinal);
        foreach (var id in accountIds)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException($"Bill run {runId}: an account id is blank.", nameof(accountIds));
            }

            if (!builder.TryAdd(id, AccountStatus.Pending))
            {
                throw new ArgumentException($"Bill run {runId}: account {id} is given twice.", nameof(accountIds));
            }
        }

        return new BillRun(runId, period, builder.ToImmutable(), ImmutableDictionary<InvoiceNumber, string>.Empty, new BillRunProgress(builder.Count, builder.Count, 0, 0, 0, 0));
    }

    /// <summary>The status of an account of the run.</summary>
    /// <exception cref="ArgumentException">The account is not in the run.</exception>
    public AccountStatus StatusOf(string accountId) =>
        accounts.TryGetValue(accountId, out var status)
            ? status
            : throw new ArgumentException($"Account {accountId} is not in bill run {RunId} for {Period}.", nameof(accountId));

    /// <summary>The accounts in a state, by id.</summary>
    public IReadOnlyList<string> AccountsIn(AccountState state) => accounts.Where(a => a.Value.State == state).Select(a => a.Key).ToList();

    /// <summary>The account has everything it needs.</summary>
    public BillRun Ready(string accountId) => Move(accountId, AccountStatus.Ready);

    /// <summary>The account waits for what <paramref name="reasons"/> name (replacing earlier reasons).</summary>
    public BillRun Waiting(string accountId, IEnumerable<string> reasons) => Move(accountId, new WaitingStatus(reasons));

    /// <summary>The account failed for <paramref name="reason"/>.</summary>
    public BillRun Failed(string accountId, string reason) => Move(accountId, new FailedStatus(reason));

    /// <summary>The account is invoiced under <paramref name="number"/>; the same number again changes nothing.</summary>
    /// <exception cref="ArgumentException">Another account of the run is settled under that number.</exception>
    public BillRun Settled(string accountId, InvoiceNumber number)
    {
        if (settledBy.TryGetValue(number, out var holder) && holder != accountId)
        {
            throw new ArgumentException($"Bill run {RunId}: invoice {number} already settles account {holder}; it cannot settle account {accountId} too.", nameof(number));
        }

        return Move(accountId, new SettledStatus(number));
    }

    /// <summary>Nothing of the account is due in the period.</summary>
    public BillRun NotDue(string accountId) => Move(accountId, AccountStatus.NotDue);

    private BillRun Move(string accountId, AccountStatus next)
    {
        var current = StatusOf(accountId);
        if (current == next)
        {
            return this;
        }

        if (current is SettledStatus settled)
        {
            throw new InvalidOperationException($"Bill run {RunId}: account {accountId} is settled with invoice {settled.Number}; it cannot become {Describe(next)}.");
        }

        if (current is NotDueStatus)
        {
            throw new InvalidOperationException($"Bill run {RunId}: account {accountId} has nothing due in {Period}; it cannot become {Describe(next)}.");
        }

        var settledBy = next is SettledStatus s ? this.settledBy.SetItem(s.Number, accountId) : this.settledBy;
        return new BillRun(RunId, Period, accounts.SetItem(accountId, next), settledBy, Progress.Moved(current.State, next.State));
    }

    private static string Describe(AccountStatus status) => status switch
    {
        SettledStatus s => $"settled with invoice {s.Number}",
        WaitingStatus w => $"waiting ({string.Join("; ", w.Reasons)})",
        FailedStatus f => $"failed ({f.Reason})",
        _ => status.State.ToString().ToLowerInvariant(),
    };
}
