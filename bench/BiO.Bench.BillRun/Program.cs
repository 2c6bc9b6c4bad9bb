using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BiO.Bench;
using BiO.Bench.BillRun;
using BiO.Grains;
using BiO.Grains.BillRuns;
using BiO.Hosting;
using BiO.Persistence.Invoicing;
using BiO.Persistence.MeterData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Orleans.Storage;

// Bill run benchmark (issue 5): N metering points' month loaded directly, one bill run on the cluster profile timed
// until complete (invoices/s, peak working set), checked (one invoice per account, gapless numbers), and the same
// per-charge amounts computed by one set-based SQL statement over the same meter data rows, compared to the øre.
// Needs BIO_TEST_POSTGRES and BIO_TEST_AZURITE (deploy/local/services.sh start prints them).
var points = Arg("--points", 2000);
var silos = Arg("--silos", 1);
var fanOut = Arg("--fan-out", 64);
var series = Arg("--series", 1);
var loadConcurrency = Arg("--load-concurrency", 32);
var keep = args.Contains("--keep");
var corrections = Arg("--corrections", 0); // corrected documents after the run: latency until the pending correction is readable
var month = YearMonthPattern.Iso.Parse(ArgText("--month", "2026-03")).GetValueOrThrow();
var postgres = Environment.GetEnvironmentVariable("BIO_TEST_POSTGRES") ?? throw new InvalidOperationException("set BIO_TEST_POSTGRES (deploy/local/services.sh start)");
var azurite = Environment.GetEnvironmentVariable("BIO_TEST_AZURITE") ?? throw new InvalidOperationException("set BIO_TEST_AZURITE (deploy/local/services.sh start)");
var run = Guid.NewGuid().ToString("N")[..10];
var database = $"bio_billrun_{run}";
var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 20 }.ConnectionString;
var settings = new Dictionary<string, string?>
{
    ["BiO:Profile"] = "Cluster",
    ["BiO:ClusterId"] = "billrun-" + run,
    ["BiO:ServiceId"] = "billrun",
    ["BiO:Silo:Dashboard"] = "false",
    ["BiO:BillRuns:MaxConcurrentAccounts"] = fanOut.ToString(CultureInfo.InvariantCulture),
    ["ConnectionStrings:Postgres"] = connection,
    ["ConnectionStrings:AzureQueues"] = azurite,
    ["Logging:LogLevel:Default"] = "Warning",
};

var bench = new BenchMonth(points, month, seed: 17, series);
Console.WriteLine($"bill run bench {run}: {points:N0} metering points (PT15M), {month:uuuu-MM} ({bench.Period.Dates.Length} days), {silos} silo(s) in this process, " +
    $"cluster profile (PostgreSQL {new NpgsqlConnectionStringBuilder(postgres).Port}, Azurite), fan-out {fanOut}, {series} invoice series");

var hosts = new List<WebApplication>();
for (var i = 0; i < silos; i++)
{
    var host = BiOHost.BuildSilo([], new Dictionary<string, string?>(settings)
    {
        ["BiO:Silo:SiloPort"] = Port().ToString(CultureInfo.InvariantCulture),
        ["BiO:Silo:GatewayPort"] = Port().ToString(CultureInfo.InvariantCulture),
        ["Urls"] = $"http://127.0.0.1:{Port()}",
    });
    await host.StartAsync();
    hosts.Add(host);
}

var services = hosts[0].Services;
var grains = services.GetRequiredService<IClusterClient>();
await using var dataSource = NpgsqlDataSource.Create(connection);
var loader = new MonthLoader(bench, grains, services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains), new MeterDataStore(dataSource), loadConcurrency);

var phase = Stopwatch.StartNew();
var stored = await loader.MeterDataAsync();
Console.WriteLine($"load: meter data {stored:N0} series (metering point-days) by COPY in {phase.Elapsed.TotalSeconds:F1} s ({Load()})");
phase.Restart();
var spot = await loader.PricesAsync();
var accounts = await loader.AccountsAndPointsAsync();
Console.WriteLine($"load: prices, {accounts.Count:N0} accounts, their contracts and {points:N0} points' state through the grain storage in {phase.Elapsed.TotalSeconds:F1} s ({Load()})");

// The silo's own background (stream pulling agents, reminders, outbox) while nothing happens, for the CPU figures.
var idleFrom = CpuMeter.Now();
await Task.Delay(TimeSpan.FromSeconds(10));
var idle = CpuMeter.Now() - idleFrom;
Console.WriteLine($"idle silo: {idle.Process / 10 * 1000:F0} ms CPU/s in this process, {idle.Postgres / 10 * 1000:F0} ms CPU/s in PostgreSQL");

// The bill run: started on the silo, timed until the grain says it is complete.
var runId = "bench-" + run;
var activityBefore = await TableActivity.ReadAsync(dataSource);
var sampler = new WorkingSetSampler();
var loadBefore = Load();
var cpuBefore = CpuMeter.Now();
var gcBefore = GcFigures.Now();
var clock = Stopwatch.StartNew();
var billRun = grains.GetGrain<IBillRunGrain>(runId);
await billRun.StartAsync(month);
BillRunView view;
while (true)
{
    await Task.Delay(500);
    view = (await billRun.GetAsync())!;
    if (view.CompletedAt is not null || clock.Elapsed > TimeSpan.FromHours(1))
    {
        break;
    }
}

var wall = clock.Elapsed;
var runCpu = CpuMeter.Now() - cpuBefore;
var runGc = GcFigures.Now() - gcBefore;
var peak = await sampler.StopAsync();
var loadAfter = Load();
var grainTime = (view.CompletedAt ?? view.StartedAt) - view.StartedAt;
Console.WriteLine($"bill run: {view.Settled:N0} settled, {view.Waiting:N0} waiting, {view.Failed:N0} failed, {view.NotDue:N0} not due of {view.Total:N0} accounts");
foreach (var failed in view.Accounts.Where(a => a.State != "Settled").Take(5))
{
    Console.WriteLine($"  {failed.AccountId} {failed.State}: {string.Join("; ", failed.Reasons)}");
}

Console.WriteLine($"bill run: wall {wall.TotalSeconds:F1} s (grain: {grainTime.TotalSeconds:F1} s) = {view.Settled / wall.TotalSeconds:F0} invoices/s, {points / wall.TotalSeconds:F0} metering point-months/s; " +
    $"load average {loadBefore} before, {loadAfter} after");
Console.WriteLine($"bill run: {runCpu} = {runCpu.Process * 1000 / points:F1} + {runCpu.Postgres * 1000 / points:F1} ms per metering point-month " +
    $"({(runCpu.Process - (idle.Process / 10 * wall.TotalSeconds)) * 1000 / points:F1} + {(runCpu.Postgres - (idle.Postgres / 10 * wall.TotalSeconds)) * 1000 / points:F1} ms without the idle background)");
Console.WriteLine($"bill run: {runGc.PerItem(points, "metering point-month")}");
Console.WriteLine($"bill run: {(await TableActivity.ReadAsync(dataSource)).PerItem(activityBefore, points, "metering point-month")}");
Console.WriteLine($"bill run: peak working set of this process (silo{(silos > 1 ? "s" : string.Empty)} + harness) during the run {peak / (1024 * 1024):N0} MiB; " +
    $"process peak incl. loading {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");

var checks = new InvoiceChecks(dataSource);
var problems = await checks.CheckAsync(accounts, bench.Period, runId);
Console.WriteLine(problems.Count == 0
    ? $"check: every one of {accounts.Count:N0} accounts has exactly one invoice; numbers 1..n without gaps in each of {series} series"
    : $"check FAILED: {string.Join(Environment.NewLine + "  ", problems.Take(20))}");
Console.WriteLine($"bill run grain state: {await checks.BillRunStateBytesAsync():N0} bytes per write");

// Where the time goes: each part alone, on warm grains, with the run's fan-out in flight.
if (!args.Contains("--no-breakdown"))
{
    var breakdown = new Breakdown(grains, new MeterDataStore(dataSource), new InvoiceStore(dataSource), dataSource, bench);
    foreach (var line in await breakdown.MeasureAsync(Math.Min(points, 2000), fanOut))
    {
        Console.WriteLine($"breakdown: {line}");
    }

    Console.WriteLine($"breakdown: load average {Load()}");
}

// The set-based baseline over the same rows (--no-sql: skipped, for quick comparisons of the bill run alone).
var amountsEqual = true;
if (!args.Contains("--no-sql"))
{
    var baseline = new SqlBaseline(dataSource, bench);
    await baseline.PrepareAsync(spot);
    var sqlCpuBefore = CpuMeter.Now();
    var (amounts, sqlTime) = await baseline.RunAsync();
    var sqlCpu = CpuMeter.Now() - sqlCpuBefore;
    sqlCpuBefore = CpuMeter.Now();
    var (sqlTime2Amounts, sqlTime2) = await baseline.RunAsync("256MB"); // and warm: the first run reads the rows from disk into the cache
    var sqlCpu2 = CpuMeter.Now() - sqlCpuBefore;
    var lines = await baseline.InvoiceLinesAsync(runId);
    var comparison = AmountComparison.Of(amounts, lines);
    Console.WriteLine($"sql baseline: {amounts.Count:N0} amounts in {sqlTime.TotalSeconds:F2} s, {sqlCpu} (again with work_mem 256MB: {sqlTime2.TotalSeconds:F2} s, {sqlCpu2}, {sqlTime2Amounts.Count:N0}); load average {Load()}");
    Console.WriteLine($"sql baseline vs invoices: {comparison}");
    foreach (var sample in comparison.Samples)
    {
        Console.WriteLine($"  {sample}");
    }

    var best = sqlTime < sqlTime2 ? sqlTime : sqlTime2;
    var bestCpu = sqlTime < sqlTime2 ? sqlCpu : sqlCpu2;
    Console.WriteLine($"ratio BiO bill run / SQL statement: wall {wall.TotalSeconds / best.TotalSeconds:F1} ({wall.TotalSeconds:F1} s / {best.TotalSeconds:F2} s); " +
        $"CPU {(runCpu.Process + (runCpu.Postgres ?? 0)) / (bestCpu.Process + (bestCpu.Postgres ?? 0)):F1} ({runCpu.Process + (runCpu.Postgres ?? 0):F1} s / {bestCpu.Process + (bestCpu.Postgres ?? 0):F1} s)");
    amountsEqual = comparison.Mismatches == 0 && comparison.Missing == 0;
}

// Correction latency (issue 6), after the comparison (it changes meter data): a corrected RSM-012 day per point posted to a market adapter, one at a time; timed from
// its 202 (stored durably) until the point's pending correction can be read.
if (corrections > 0)
{
    var adapterUrl = $"http://127.0.0.1:{Port()}";
    var adapter = BiOHost.BuildMarketAdapter([], new Dictionary<string, string?>(settings) { ["Urls"] = adapterUrl });
    await adapter.StartAsync();
    var latency = await new CorrectionLatency(grains, new Uri(adapterUrl), bench).MeasureAsync(corrections, run);
    Console.WriteLine($"correction latency: {latency}; load average {Load()}");
    await adapter.StopAsync();
}

foreach (var host in hosts)
{
    await host.StopAsync();
}

await dataSource.DisposeAsync();
NpgsqlConnection.ClearAllPools();
if (!keep)
{
    await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString);
    await using var drop = admin.CreateCommand($"drop database {database} with (force)");
    await drop.ExecuteNonQueryAsync();
}

return problems.Count == 0 && amountsEqual ? 0 : 1;

int Arg(string name, int fallback) => int.Parse(ArgText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static int Port()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
