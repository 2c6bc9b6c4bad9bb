using System.Diagnostics;
using System.Globalization;
using System.Text;
using BiO.Demo;
using BiO.Domain.Time;
using BiO.Grains.BillRuns;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BiO.Hosting.Demo;

/// <summary>
/// BiO's main job on the embedded default: once the silo serves, it puts a generated demo month of DataHub documents
/// through the market intake, defines the supplier's price lists, accounts, contracts and payers through the grains,
/// runs the bill run of the month (missing meter data is re-requested from the simulated DataHub, which answers) and
/// prints progress and a summary. The silo, dashboard and API keep serving afterwards.
/// </summary>
public sealed partial class DemoJob(
    DemoMonth month,
    DemoSettings settings,
    IGrainFactory grains,
    MarketIntake.MarketIntake intake,
    IInvoiceStore invoices,
    IOutbox outbox,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<DemoJob> logger)
    : BackgroundService
{
    private static readonly TimeSpan MeterDataWait = TimeSpan.FromSeconds(60);
    private readonly TaskCompletionSource<DemoReport> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder transcript = new();

    /// <summary>The report, once the summary is printed; faulted when the job failed.</summary>
    public Task<DemoReport> Completion => completion.Task;

    /// <summary>Everything the job printed so far.</summary>
    public string Transcript
    {
        get
        {
            lock (transcript)
            {
                return transcript.ToString();
            }
        }
    }

    /// <summary>Where the job prints (besides <see cref="Transcript"/>); the console unless set before start.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    /// <summary>The id of the demo's bill run: month, seed and size, so that another demo is another run.</summary>
    public string RunId => $"demo-{month.Options.Month:uuuu-MM}-s{month.Options.Seed}-n{month.Options.MeteringPoints}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartedAsync(stoppingToken);
            completion.TrySetResult(await RunAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            Print($"Demo failed: {ex.GetType().Name}: {ex.Message}");
            Failed(ex);
            completion.TrySetException(ex);
        }
    }

    private async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        var options = month.Options;
        var total = Stopwatch.StartNew();
        Print($"Demo: generating {options.Month:uuuu-MM} for {options.MeteringPoints} metering points (seed {options.Seed}) and putting it through the market intake ...");
        var step = Stopwatch.StartNew();
        var intakeCounts = await DemoIntake.DeliverAsync(intake, month, cancellationToken);
        Print($"Demo: {intakeCounts.Documents} documents: {intakeCounts.Accepted} accepted, {intakeCounts.Duplicate} duplicate, {intakeCounts.Rejected} rejected ({Seconds(step)})");
        foreach (var rejection in intakeCounts.Rejections)
        {
            Print($"Demo: REJECTED (a bug of the generator): {rejection}");
        }

        step.Restart();
        var behind = await DemoIntake.AwaitMeterDataAsync(grains, month, MeterDataWait, cancellationToken);
        Print(behind == 0
            ? $"Demo: the meter data reached every metering point ({Seconds(step)})"
            : $"Demo: {behind} metering point(s) still lack delivered meter data after {MeterDataWait.TotalSeconds:0} s; the bill run goes on");

        step.Restart();
        var setup = await DemoSetup.DefineAsync(grains, month, cancellationToken);
        Print($"Demo: defined {setup.PriceLists} price lists, {setup.Accounts} accounts, {setup.ElectricityContracts} electricity and {setup.ProductContracts} product contracts, {setup.Payers} other payers ({Seconds(step)})");
        foreach (var problem in setup.Problems)
        {
            Print($"Demo: REFUSED: {problem}");
        }

        Print($"Demo: bill run {RunId} for {options.Month:uuuu-MM} ...");
        step.Restart();
        var run = await DemoBillRun.RunAsync(grains, RunId, options.Month, settings.TimeLimit, settings.ProgressEvery, Progress, cancellationToken);
        var report = await ReportAsync(intakeCounts, setup, run, step.Elapsed, cancellationToken);
        foreach (var line in DemoSummary.Lines(report))
        {
            Print(line);
        }

        Finished(total.Elapsed.TotalSeconds, report.Invoices.Count, report.Total);
        return report;
    }

    private async Task<DemoReport> ReportAsync(DemoIntakeCounts intakeCounts, DemoSetupCounts setup, WatchedBillRun run, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var view = run.View;
        var period = BillingPeriod.Of(view.Month);
        var issued = new List<DemoInvoice>();
        foreach (var account in view.Accounts.Where(a => a.State == "Settled"))
        {
            if (await invoices.FindAsync(account.AccountId, period.Dates, cancellationToken) is { } invoice)
            {
                issued.Add(new DemoInvoice(invoice.Series, invoice.Number, invoice.AccountId, invoice.TotalExcludingVat, invoice.TotalVat, invoice.Total));
            }
        }

        issued.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
        var waited = run.WaitedFor.Keys.Union(view.Accounts.Where(a => a.Attempts > 1).Select(a => a.AccountId), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var groups = run.WaitedFor
            .SelectMany(w => w.Value.Select(reason => (Account: w.Key, Group: WaitReasons.GroupOf(reason))))
            .GroupBy(x => x.Group, StringComparer.Ordinal)
            .Select(g => new DemoWaitGroup(g.Key, g.Select(x => x.Account).Distinct(StringComparer.Ordinal).Count(), g.Count()))
            .OrderByDescending(g => g.Accounts).ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToList();
        var requests = await outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10_000, cancellationToken: cancellationToken);
        var open = view.Accounts.Where(a => a.State is "Waiting" or "Failed" or "Pending")
            .Select(a => new DemoOpenAccount(a.AccountId, a.State, a.Reasons)).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        return new DemoReport(
            RunId, view.Month, month.Options.MeteringPoints, intakeCounts, setup, run.Completed,
            view.Total, view.Settled, view.Waiting, view.Failed, view.NotDue,
            issued, issued.Sum(i => i.TotalExcludingVat), issued.Sum(i => i.TotalVat), issued.Sum(i => i.Total),
            waited, groups,
            requests.GroupBy(r => r.State.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            open, elapsed, Urls(issued.FirstOrDefault()));
    }

    private IReadOnlyList<string> Urls(DemoInvoice? invoice)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var root = address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var urls = new List<string>
        {
            $"dashboard   {root}/dashboard/",
            $"bill run    {root}/api/bill-runs/{RunId}",
        };
        if (invoice is not null)
        {
            urls.Add($"invoice     {root}/api/invoices/{invoice.Series}/{invoice.Number}");
            urls.Add($"account     {root}/api/accounts/{invoice.AccountId}/invoices");
        }

        urls.Add($"health      {root}/health");
        return urls;
    }

    private void Progress(BillRunView view, TimeSpan elapsed) =>
        Print($"Demo: bill run {elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture),3} s: {view.Settled} settled, {view.Waiting} waiting, {view.Failed} failed, {view.NotDue} not due, {view.Pending} to go (of {view.Total})");

    // The silo and the HTTP endpoints are up: the job may call grains and print where to look.
    private async Task StartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private void Print(string line)
    {
        lock (transcript)
        {
            transcript.AppendLine(line);
            Output.WriteLine(line);
        }
    }

    private static string Seconds(Stopwatch watch) => $"{watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo job failed")]
    private partial void Failed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo finished in {Seconds:0.0} s: {Invoices} invoice(s), {Total} DKK incl. VAT")]
    private partial void Finished(double seconds, int invoices, decimal total);
}
