using BiO.Domain.BillRuns;
using BiO.Domain.Invoicing;
using BiO.Domain.Time;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.BillRuns;

public class BillRunTests
{
    private static readonly BillingPeriod March = BillingPeriod.Of(new YearMonth(2026, 3));

    private static InvoiceNumber No(long n) => new("BIO-2026", n);

    [Fact]
    public void A_run_starts_with_every_due_account_pending_and_counts_its_progress()
    {
        var run = BillRun.Start("R-2026-03", March, ["A-3", "A-1", "A-2", "A-4"]);
        Assert.Equal(["A-1", "A-2", "A-3", "A-4"], run.Accounts.Keys);
        Assert.Equal(new BillRunProgress(4, 4, 0, 0, 0, 0), run.Progress);
        Assert.False(run.IsComplete);

        var moved = run.Ready("A-1").Waiting("A-2", ["Meter data missing for 571313000000002000 on 2026-03-14"]).Settled("A-3", No(1)).Failed("A-4", "No payer");
        Assert.Equal(new BillRunProgress(4, 0, 1, 1, 1, 1), moved.Progress);
        Assert.Equal(2, moved.Progress.Done);
        Assert.Equal(["A-2"], moved.AccountsIn(AccountState.Waiting));
        Assert.Equal(new BillRunProgress(4, 4, 0, 0, 0, 0), run.Progress); // the first run is unchanged

        var waiting = Assert.IsType<WaitingStatus>(moved.StatusOf("A-2"));
        Assert.Equal(["Meter data missing for 571313000000002000 on 2026-03-14"], waiting.Reasons);
        Assert.Equal(No(1), Assert.IsType<SettledStatus>(moved.StatusOf("A-3")).Number);
        Assert.Equal("No payer", Assert.IsType<FailedStatus>(moved.StatusOf("A-4")).Reason);
        Assert.False(moved.IsComplete);

        var done = moved.Settled("A-1", No(2)).Settled("A-2", No(3));
        Assert.True(done.IsComplete);
        Assert.Equal(new BillRunProgress(4, 0, 0, 0, 3, 1), done.Progress);
    }

    [Fact]
    public void A_waiting_account_can_be_settled_and_its_reasons_can_change()
    {
        var run = BillRun.Start("R", March, ["A-1"]).Waiting("A-1", ["prices", "meter data"]).Waiting("A-1", ["meter data"]);
        Assert.Equal(["meter data"], Assert.IsType<WaitingStatus>(run.StatusOf("A-1")).Reasons);
        Assert.Same(run, run.Waiting("A-1", ["meter data"]));
        Assert.True(run.Settled("A-1", No(7)).IsComplete);
        Assert.True(run.Ready("A-1").Failed("A-1", "invoice rejected").Ready("A-1").Settled("A-1", No(7)).IsComplete);
    }

    [Fact]
    public void A_settled_account_never_goes_back_and_the_message_says_which_invoice()
    {
        var run = BillRun.Start("R", March, ["A-1", "A-2"]).Settled("A-1", No(123));
        Assert.Same(run, run.Settled("A-1", No(123)));
        var error = Assert.Throws<InvalidOperationException>(() => run.Waiting("A-1", ["late meter data"]));
        Assert.Contains("A-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("BIO-2026-000123", error.Message, StringComparison.Ordinal);
        Assert.Contains("late meter data", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => run.Ready("A-1"));
        Assert.Throws<InvalidOperationException>(() => run.Failed("A-1", "x"));
        Assert.Throws<InvalidOperationException>(() => run.Settled("A-1", No(124)));
        var twice = Assert.Throws<ArgumentException>(() => run.Settled("A-2", No(123)));
        Assert.Contains("A-1", twice.Message, StringComparison.Ordinal);
        Assert.Contains("A-2", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_accounts_duplicates_and_empty_reasons_are_refused()
    {
        Assert.Equal("accountIds", Assert.Throws<ArgumentException>(() => BillRun.Start("R", March, ["A-1", "A-1"])).ParamName);
        Assert.Equal("accountIds", Assert.Throws<ArgumentException>(() => BillRun.Start("R", March, ["A-1", " "])).ParamName);
        Assert.Equal("runId", Assert.Throws<ArgumentException>(() => BillRun.Start("", March, ["A-1"])).ParamName);
        var run = BillRun.Start("R", March, ["A-1"]);
        var unknown = Assert.Throws<ArgumentException>(() => run.Ready("A-9"));
        Assert.Contains("A-9", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("reasons", Assert.Throws<ArgumentException>(() => run.Waiting("A-1", [])).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => run.Failed("A-1", "")).ParamName);
        Assert.True(BillRun.Start("R", March, []).IsComplete);
    }

    [Fact]
    public void Under_any_sequence_of_steps_the_counts_add_up_and_settled_accounts_stay_settled()
    {
        var ids = Enumerable.Range(1, 6).Select(i => $"A-{i}").ToArray();
        var step = Gen.Select(Gen.Int[0, ids.Length - 1], Gen.Int[0, 3], Gen.Int[1, 20]);
        step.Array[0, 40].Sample(steps =>
        {
            var run = BillRun.Start("R", March, ids);
            var settled = new Dictionary<string, InvoiceNumber>();
            foreach (var (account, kind, n) in steps)
            {
                var id = ids[account];
                try
                {
                    run = kind switch
                    {
                        0 => run.Ready(id),
                        1 => run.Waiting(id, [$"missing {n}"]),
                        2 => run.Failed(id, $"failed {n}"),
                        _ => run.Settled(id, No(n)),
                    };
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    Assert.True(settled.ContainsKey(id) || settled.ContainsValue(No(n)), $"{id} refused step {kind}: {e.Message}");
                    continue;
                }

                if (kind == 3)
                {
                    Assert.True(!settled.TryGetValue(id, out var earlier) || earlier == No(n));
                    settled[id] = No(n);
                }

                var p = run.Progress;
                Assert.Equal(ids.Length, p.Pending + p.Ready + p.Waiting + p.Settled + p.Failed);
                Assert.Equal(settled.Count, p.Settled);
                Assert.All(settled, s => Assert.Equal(new SettledStatus(s.Value), run.StatusOf(s.Key)));
                Assert.Equal(p.Done == ids.Length, run.IsComplete);
            }
        });
    }
}
