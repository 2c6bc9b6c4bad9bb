using System.Diagnostics;
using BiO.Grains.BillRuns;
using NodaTime;

namespace BiO.Hosting.Demo;

/// <summary>How a watched bill run ended: its last view, whether it completed, and what each account waited for on the way.</summary>
/// <param name="WaitedFor">Per account that was seen waiting: every reason it gave while it waited.</param>
public sealed record WatchedBillRun(BillRunView View, bool Completed, IReadOnlyDictionary<string, IReadOnlyList<string>> WaitedFor);

/// <summary>Starts a bill run and watches it until it completes or a time limit passes, noting what accounts wait for.</summary>
public static class DemoBillRun
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Starts run <paramref name="runId"/> for <paramref name="month"/> and polls it; calls <paramref name="progress"/> at the
    /// start and every <paramref name="progressEvery"/>. An account that settles after waiting keeps its reasons here
    /// (the run's view clears them).
    /// </summary>
    public static async Task<WatchedBillRun> RunAsync(
        IGrainFactory grains, string runId, YearMonth month, TimeSpan timeLimit, TimeSpan progressEvery, Action<BillRunView, TimeSpan> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(progress);
        var run = grains.GetGrain<IBillRunGrain>(runId);
        var clock = Stopwatch.StartNew();
        var view = await run.StartAsync(month);
        var waited = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var nextProgress = TimeSpan.Zero;
        while (true)
        {
            Note(view, waited);
            if (view.CompletedAt is not null || clock.Elapsed >= timeLimit)
            {
                break;
            }

            if (clock.Elapsed >= nextProgress)
            {
                progress(view, clock.Elapsed);
                nextProgress = clock.Elapsed + progressEvery;
            }

            await Task.Delay(PollPeriod, cancellationToken);
            view = await run.GetAsync() ?? throw new InvalidOperationException($"Bill run {runId} was started but is not there.");
        }

        progress(view, clock.Elapsed);
        return new WatchedBillRun(view, view.CompletedAt is not null,
            waited.ToDictionary(w => w.Key, w => (IReadOnlyList<string>)w.Value.ToList(), StringComparer.Ordinal));
    }

    private static void Note(BillRunView view, Dictionary<string, SortedSet<string>> waited)
    {
        foreach (var account in view.Accounts.Where(a => a.State == "Waiting"))
        {
            if (!waited.TryGetValue(account.AccountId, out var reasons))
            {
                waited[account.AccountId] = reasons = new SortedSet<string>(StringComparer.Ordinal);
            }

            reasons.UnionWith(account.Reasons);
        }
    }
}
