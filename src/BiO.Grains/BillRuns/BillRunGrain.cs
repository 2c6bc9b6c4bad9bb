using BiO.Domain.BillRuns;
using BiO.Domain.Invoicing;
using BiO.Domain.Time;
using BiO.Grains.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.Grains.BillRuns;

/// <summary>
/// A bill run: goes through every account with at most <see cref="BillRunOptions.MaxConcurrentAccounts"/> settling at a
/// time, records each outcome (the domain's <see cref="BillRun"/> decides what may follow what), retries waiting
/// accounts until what they wait for has arrived, and persists as it goes. A reminder wakes it after a silo crash; an
/// account settled before the crash is found settled again by its invoice (one per account and month).
/// </summary>
public sealed partial class BillRunGrain(
    [PersistentState("billRun", StorageNames.Grains)] IPersistentState<BillRunState> state,
    IOptions<BillRunOptions> options,
    IClock clock,
    ILogger<BillRunGrain> logger)
    : Grain, IBillRunGrain, IRemindable
{
    private const string WakeUp = "bill-run";
    private BillRun? run;
    private Task? processing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Month is { } month)
        {
            run = Restore(month);
            EnsureProcessing();
        }

        return Task.CompletedTask;
    }

    async Task<BillRunView> IBillRunGrain.StartAsync(YearMonth month)
    {
        if (state.State.Month is null)
        {
            var accounts = await GrainFactory.GetGrain<IAccountDirectoryGrain>(AccountDirectory.Key).ListAsync();
            run = BillRun.Start(this.GetPrimaryKeyString(), BillingPeriod.Of(month), accounts);
            state.State.Month = month;
            state.State.StartedAt = clock.GetCurrentInstant();
            state.State.Accounts = accounts.ToDictionary(a => a, _ => new BillRunAccountState(), StringComparer.Ordinal);
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(WakeUp, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            Started(this.GetPrimaryKeyString(), month, accounts.Count);
        }
        else if (state.State.Month != month)
        {
            throw new ArgumentException($"Bill run {this.GetPrimaryKeyString()} is for {state.State.Month}, not {month}.", nameof(month));
        }

        EnsureProcessing();
        return View();
    }

    Task<BillRunView?> IBillRunGrain.GetAsync() => Task.FromResult(state.State.Month is null ? null : View());

    Task<BillRunView?> IBillRunGrain.GetProgressAsync() => Task.FromResult(state.State.Month is null ? null : View(withAccounts: false));

    Task<BillRunAccountsPage> IBillRunGrain.GetAccountsAsync(string? accountState, int offset, int limit)
    {
        var matching = state.State.Accounts
            .Where(a => accountState is null || string.Equals(a.Value.State.ToString(), accountState, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return Task.FromResult(new BillRunAccountsPage(matching.Count, matching
            .OrderBy(a => a.Key, StringComparer.Ordinal).Skip(offset).Take(limit).Select(Account).ToList()));
    }

    async Task IRemindable.ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (state.State.CompletedAt is not null)
        {
            await this.UnregisterReminder(await this.GetReminder(reminderName) ?? throw new InvalidOperationException($"Reminder {reminderName} is gone."));
            return;
        }

        EnsureProcessing();
    }

    private void EnsureProcessing()
    {
        if (run is not null && state.State.CompletedAt is null && processing is not { IsCompleted: false })
        {
            processing = ProcessAsync();
        }
    }

    private async Task ProcessAsync()
    {
        var settings = options.Value;
        var pacing = new ProgressWritePacing(Duration.FromTimeSpan(settings.PersistEvery));
        pacing.Start(clock.GetCurrentInstant());
        while (!run!.IsComplete)
        {
            var now = clock.GetCurrentInstant();
            var due = state.State.Accounts
                .Where(a => a.Value.State == AccountState.Pending
                    || (a.Value.State == AccountState.Waiting && a.Value.LastAttemptAt + Duration.FromTimeSpan(settings.RetryWaitingAfter) <= now))
                .Select(a => a.Key)
                .ToList();
            if (due.Count == 0)
            {
                await Task.Delay(settings.PollPeriod);
                continue;
            }

            var inFlight = new List<Task<AccountSettleResult>>();
            foreach (var accountId in due)
            {
                if (inFlight.Count >= settings.MaxConcurrentAccounts)
                {
                    var finished = await Task.WhenAny(inFlight);
                    inFlight.Remove(finished);
                    Record(finished);
                }

                inFlight.Add(SettleAsync(accountId));
                if (pacing.IsDue(clock.GetCurrentInstant()))
                {
                    await WriteProgressAsync(pacing);
                    LogProgress();
                }
            }

            await Task.WhenAll(inFlight);
            inFlight.ForEach(Record);

            await WriteProgressAsync(pacing);
            LogProgress();
        }

        state.State.CompletedAt = clock.GetCurrentInstant();
        await state.WriteStateAsync();
        Completed(this.GetPrimaryKeyString(), run.Progress.Settled, run.Progress.Failed, run.Progress.NotDue);
    }

    // The whole run is written (its size grows with its accounts): the pacing spaces writes by how long they take.
    private async Task WriteProgressAsync(ProgressWritePacing pacing)
    {
        var started = clock.GetCurrentInstant();
        await state.WriteStateAsync();
        pacing.Written(started, clock.GetCurrentInstant());
    }

    private async Task<AccountSettleResult> SettleAsync(string accountId)
    {
        try
        {
            return await GrainFactory.GetGrain<ICustomerAccountGrain>(accountId).SettleAsync(new AccountSettleRequest(this.GetPrimaryKeyString(), state.State.Month!.Value));
        }
        catch (Exception ex)
        {
            return new AccountSettleResult(accountId, AccountSettleState.Failed, [$"Account {accountId}: {ex.GetType().Name}: {ex.Message}"]);
        }
    }

    private void Record(Task<AccountSettleResult> finished)
    {
        var result = finished.Result;
        var account = state.State.Accounts[result.AccountId];
        account.Attempts++;
        account.LastAttemptAt = clock.GetCurrentInstant();
        run = result.State switch
        {
            AccountSettleState.Settled => run!.Settled(result.AccountId, InvoiceNumber.Parse(result.InvoiceNumber)),
            AccountSettleState.Waiting => run!.Waiting(result.AccountId, result.Reasons),
            AccountSettleState.NotDue => run!.NotDue(result.AccountId),
            _ => run!.Failed(result.AccountId, string.Join("; ", result.Reasons)),
        };
        account.State = run.StatusOf(result.AccountId).State;
        account.Reasons = [.. result.Reasons];
        account.InvoiceNumber = result.InvoiceNumber;
        account.Total = result.Total;
    }

    // The domain's run as the state says it is (after an activation).
    private BillRun Restore(YearMonth month)
    {
        var restored = BillRun.Start(this.GetPrimaryKeyString(), BillingPeriod.Of(month), state.State.Accounts.Keys);
        foreach (var (id, account) in state.State.Accounts)
        {
            restored = account.State switch
            {
                AccountState.Settled => restored.Settled(id, InvoiceNumber.Parse(account.InvoiceNumber)),
                AccountState.Waiting => restored.Waiting(id, account.Reasons),
                AccountState.Failed => restored.Failed(id, string.Join("; ", account.Reasons)),
                AccountState.NotDue => restored.NotDue(id),
                _ => restored,
            };
        }

        return restored;
    }

    private BillRunView View(bool withAccounts = true)
    {
        var progress = run!.Progress;
        return new BillRunView(
            this.GetPrimaryKeyString(), state.State.Month!.Value, state.State.StartedAt, state.State.CompletedAt,
            progress.Total, progress.Pending + progress.Ready, progress.Waiting, progress.Settled, progress.Failed, progress.NotDue,
            withAccounts ? state.State.Accounts.Select(Account).ToList() : []);
    }

    private static BillRunAccount Account(KeyValuePair<string, BillRunAccountState> a) =>
        new(a.Key, a.Value.State.ToString(), a.Value.Reasons, a.Value.InvoiceNumber, a.Value.Total, a.Value.Attempts);

    // Progress in the log (and so in the dashboard's live log) each time it is persisted.
    private void LogProgress()
    {
        var p = run!.Progress;
        Progress(this.GetPrimaryKeyString(), p.Settled, p.Waiting, p.Failed, p.NotDue, p.Pending + p.Ready);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bill run {RunId}: {Settled} settled, {Waiting} waiting, {Failed} failed, {NotDue} not due, {ToGo} to go")]
    private partial void Progress(string runId, int settled, int waiting, int failed, int notDue, int toGo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bill run {RunId} for {Month} started over {Accounts} account(s)")]
    private partial void Started(string runId, YearMonth month, int accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bill run {RunId} complete: {Settled} settled, {Failed} failed, {NotDue} not due")]
    private partial void Completed(string runId, int settled, int failed, int notDue);
}
