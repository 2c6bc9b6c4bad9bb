using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Text;
using BiO.Bench;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.Hosting;
using BiO.MarketIntake;
using BiO.Testing;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Intake benchmark (issue 4): N RSM-012 documents of one metering point-day (96 quarter-hours each) posted to the
// market adapter with C requests in flight; measures accepted (stored durably) per second and applied (every
// metering point grain has taken its day into its index, counted by the silo's bio.meter_data.series_heard) per second, on the cluster profile: PostgreSQL + Azure Queues.
// Needs BIO_TEST_POSTGRES and BIO_TEST_AZURITE (deploy/local/services.sh start prints them).
var documents = Arg("--documents", 2000);
var concurrency = Arg("--concurrency", 32);
var seriesPerDocument = Arg("--series-per-document", 1); // DataHub bundles up to thousands of series in one document
var warmup = Arg("--warmup", 200); // documents of each warm-up pass, posted and applied before the measurement, for other metering points
// --awake: the warm-up is instead the measured points' previous days, so each point is active when its day arrives, as
// it is from day to day in a running cluster (metering points stay active for a day, MeteringPointIdleLimit).
var awake = args.Contains("--awake");
using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null; // which types the measured allocations went to
var viaInbox = args.Contains("--inbox"); // the inbox folder instead of HTTP: the documents are written there as files
var inbox = Path.Combine(Path.GetTempPath(), "bio-bench-inbox-" + Guid.NewGuid().ToString("N")[..8]);
var postgres = Environment.GetEnvironmentVariable("BIO_TEST_POSTGRES") ?? throw new InvalidOperationException("set BIO_TEST_POSTGRES (deploy/local/services.sh start)");
var azurite = Environment.GetEnvironmentVariable("BIO_TEST_AZURITE") ?? throw new InvalidOperationException("set BIO_TEST_AZURITE (deploy/local/services.sh start)");
var run = Guid.NewGuid().ToString("N")[..10];
var settings = new Dictionary<string, string?>
{
    ["BiO:Profile"] = "Cluster",
    ["BiO:ClusterId"] = "bench-" + run,
    ["BiO:ServiceId"] = "bench",
    ["BiO:Silo:Dashboard"] = "false",
    ["ConnectionStrings:Postgres"] = postgres.Replace("Database=bio", $"Database=bio_bench_{run}", StringComparison.Ordinal) + ";Maximum Pool Size=20",
    ["ConnectionStrings:AzureQueues"] = azurite,
    ["Logging:LogLevel:Default"] = "Warning",
    ["BiO:MarketIntake:Inbox"] = viaInbox ? inbox : null,
    ["BiO:MarketIntake:InboxPollPeriod"] = "00:00:00.050",
};

// The day DataHub sends every day: yesterday's, a day of the month under way (a metering point rechecks its invoiced
// months, reading its state, only for data of an earlier month); today's on the first of a month.
var today = BillingTime.DayOf(SystemClock.Instance.GetCurrentInstant());
var day = today.Day == 1 ? today : today.PlusDays(-1);
var interval = BillingTime.Day(day);
var farFuture = Instant.FromUtc(2100, 1, 1, 0, 0);

long seriesHeard = 0;
using var listener = new MeterListener();
long documentsAnswered = 0;
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Meter.Name is MeterDataMetrics.MeterName or IntakeMetrics.MeterName)
    {
        l.EnableMeasurementEvents(instrument);
    }
};
long rounds = 0;
long messages = 0;
listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
{
    switch (instrument.Name)
    {
        case "bio.market.documents": Interlocked.Add(ref documentsAnswered, value); break;
        case "bio.market.meter_data_rounds": Interlocked.Add(ref rounds, value); break;
        case "bio.market.meter_data_messages": Interlocked.Add(ref messages, value); break;
        case "bio.meter_data.series_heard": Interlocked.Add(ref seriesHeard, value); break;
    }
});
listener.Start();

if (viaInbox)
{
    Directory.CreateDirectory(inbox);
}

await using var monitor = NpgsqlDataSource.Create(postgres);
var silo = BiOHost.BuildSilo([], With(settings, Port(), Port(), Port()));
await silo.StartAsync();
var adapterUrl = $"http://127.0.0.1:{Port()}";
var adapter = BiOHost.BuildMarketAdapter([], With(settings, Port(), Port(), null, adapterUrl));
await adapter.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(adapterUrl) };
var grains = silo.Services.GetRequiredService<IClusterClient>();

// Warm-up (not measured): the same path, so that JIT and connection pools are warm; other metering points' day, or with
// --awake the measured points' previous days. Tiered compilation promotes a method after its 30th call, in the
// background, and after one pass its queue can still be long (methods at tier 0 or instrumented). A silo that has run
// for a while has compiled what it runs, so passes go on, up to MaxWarmupPasses, until one compiles fewer than
// SettledCompilations methods.
const int MaxWarmupPasses = 4;
const int SettledCompilations = 100;
for (var pass = 1; pass <= MaxWarmupPasses && (awake || warmup > 0); pass++)
{
    var compiledBefore = JitInfo.GetCompiledMethodCount();
    if (awake)
    {
        await PostAndApplyAsync($"warm{pass}", 571313000100000000L, documents, day.PlusDays(-pass));
    }
    else
    {
        await PostAndApplyAsync($"warm{pass}", 571313000900000000L + pass * 10_000_000L, warmup, day);
    }

    var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
    Console.WriteLine($"warm-up pass {pass}: {compiled} methods compiled");
    if (compiled < SettledCompilations)
    {
        break;
    }
}

// What the idle cluster costs (pulling agents polling the queues, timers): part of every figure below. Measured once
// the warm-up's tail has settled (background compilation, collections): up to six 5-s windows, until one costs this
// process under 0.1 core.
CpuSeconds idle;
var windows = 0;
do
{
    var idleFrom = CpuMeter.Now();
    await Task.Delay(TimeSpan.FromSeconds(5));
    idle = CpuMeter.Now() - idleFrom;
}
while (++windows < 6 && idle.Process > 0.5);

Console.WriteLine($"idle cluster, 5 s: {idle} (after {windows - 1} window(s) of settling)");

var measured = await PostAndApplyAsync("bench", 571313000100000000L, documents, day);
var series = documents * seriesPerDocument;
var latencies = measured.Latencies;
Console.WriteLine($"documents: {documents} of {seriesPerDocument} series x {QuarterHours(day)} quarter-hours ({day}), " +
    (viaInbox ? "written to the inbox folder" : $"posted, concurrency {concurrency}") +
    (awake ? ", warm-up: the same points' previous days (points active)" : $", warm-up passes of {warmup} documents of other points (points activated by their day)") + ", cluster profile (PostgreSQL + Azure Queues on Azurite), one process");
Console.WriteLine($"accepted and stored: {measured.Accepted.TotalSeconds:F2} s = {documents / measured.Accepted.TotalSeconds:F0} documents/s, {series / measured.Accepted.TotalSeconds:F0} series (metering point-days)/s" +
    (viaInbox ? "" : $"; latency p50 {latencies[documents / 2]:F1} ms, p99 {latencies[(int)(documents * 0.99)]:F1} ms"));
Console.WriteLine($"applied by the grains: {measured.Applied.TotalSeconds:F2} s = {series / measured.Applied.TotalSeconds:F0} series/s");
var cpu = measured.Cpu;
Console.WriteLine($"CPU until applied: {cpu} (client, adapter and silo in this process; services' CPU when BIO_PG_DIR and BIO_AZURITE_DIR are set)");
Console.WriteLine($"CPU per series: {PerSeries(cpu.Process)} in this process + {PerSeries(cpu.Postgres)} in PostgreSQL + {PerSeries(cpu.Azurite)} in Azurite = {PerSeries(cpu.Process + (cpu.Postgres ?? 0) + (cpu.Azurite ?? 0))} us");
foreach (var (type, share) in allocations?.Top(30) ?? [])
{
    Console.WriteLine($"allocated {share,6:P1} {type}");
}

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
await adapter.StopAsync();
await silo.StopAsync();
if (viaInbox)
{
    Directory.Delete(inbox, recursive: true);
}

// Leave the services as found: the run's database and queues go (Azurite slows down as queues pile up).
await using (var admin = NpgsqlDataSource.Create(postgres.Replace("Database=bio", "Database=postgres", StringComparison.Ordinal)))
{
    await using var drop = admin.CreateCommand($"drop database bio_bench_{run} with (force)");
    await drop.ExecuteNonQueryAsync();
}

var queues = new QueueServiceClient(azurite);
foreach (var queue in OrleansConfiguration.QueueNames(BiOSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())))
{
    await queues.DeleteQueueAsync(queue);
}

return 0;

// Posts `count` documents (seriesPerDocument metering points each, GSRNs from `firstGsrn`) with `concurrency` in
// flight, or renames them into the inbox, then waits until every metering point grain has indexed its day.
async Task<(TimeSpan Accepted, TimeSpan Applied, CpuSeconds Cpu, double[] Latencies)> PostAndApplyAsync(string name, long firstGsrn, int count, LocalDate day)
{
    var interval = BillingTime.Day(day);
    var quantities = Enumerable.Repeat((decimal?)0.125m, QuarterHours(day)).ToList();
    var gsrns = Enumerable.Range(0, count * seriesPerDocument).Select(i => (firstGsrn + i).ToString(CultureInfo.InvariantCulture)).ToArray();
    var bodies = Enumerable.Range(0, count).Select(d => Encoding.UTF8.GetBytes(Rsm012.Json($"{name}-{run}-{d}",
        gsrns.Skip(d * seriesPerDocument).Take(seriesPerDocument).Select(g => new Rsm012.Series($"s-{name}-{g}", g, interval.Start, interval.End, quantities)).ToArray()))).ToArray();
    var latencies = new double[count];
    var heardBefore = Interlocked.Read(ref seriesHeard);
    var answeredBefore = Interlocked.Read(ref documentsAnswered);
    if (viaInbox)
    {
        // Written before the clock starts under a name the inbox ignores, then renamed in: a backlog arriving.
        for (var d = 0; d < count; d++)
        {
            await File.WriteAllBytesAsync(Path.Combine(inbox, $"{name}-{d:D7}.part"), bodies[d]);
        }
    }

    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    var (roundsBefore, messagesBefore) = (Interlocked.Read(ref rounds), Interlocked.Read(ref messages));
    var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var allocatedBefore = GC.GetTotalAllocatedBytes();
    if (name == "bench")
    {
        allocations?.Start();
    }

    Console.WriteLine($"{name}: clock started");
    var (compiledAtStart, jitTimeAtStart) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
    var walAtStart = await WalAsync();
    var cpuAtStart = CpuMeter.Now();
    var clock = Stopwatch.StartNew();
    if (viaInbox)
    {
        for (var d = 0; d < count; d++)
        {
            File.Move(Path.Combine(inbox, $"{name}-{d:D7}.part"), Path.Combine(inbox, $"{name}-{d:D7}.json"));
        }

        await WaitAsync(() => Interlocked.Read(ref documentsAnswered) - answeredBefore, count, "documents answered");
    }
    else
    {
        await PostAsync(bodies, latencies);
    }

    var accepted = clock.Elapsed;
    // Applied: the metering point grains have taken every series into their index (the silo's counter of it).
    await WaitAsync(() => Interlocked.Read(ref seriesHeard) - heardBefore, gsrns.Length, "series heard by the grains");
    var applied = clock.Elapsed;
    allocations?.Stop();
    var cpu = CpuMeter.Now() - cpuAtStart;
    var (compiled, jitTime) = (JitInfo.GetCompiledMethodCount() - compiledAtStart, JitInfo.GetCompilationTime() - jitTimeAtStart);
    var walAtEnd = await WalAsync();
    var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore; // what the points now active hold
    var roundsRun = Interlocked.Read(ref rounds) - roundsBefore;
    var messagesSent = Interlocked.Read(ref messages) - messagesBefore;
    Console.WriteLine($"{name}: {count} documents in {roundsRun} store rounds ({(double)count / Math.Max(1, roundsRun):F1} a round), notices in {messagesSent} queue messages ({(double)gsrns.Length / Math.Max(1, messagesSent):F0} a message); " +
        $"collections gen0/1/2: {string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]))}, " +
        $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / count:F1} KiB a document; " +
        $"managed heap after a full collection {heapGrowth / 1024.0 / gsrns.Length:+0.0;-0.0} KiB a metering point; " +
        $"JIT: {compiled} methods compiled in {jitTime.TotalMilliseconds:F0} ms; " +
        $"PostgreSQL: {(walAtEnd.Bytes - walAtStart.Bytes) / 1024.0 / count:F1} KiB of WAL a document, {walAtEnd.Checkpoints - walAtStart.Checkpoints} checkpoint(s)");

    // Checked after the clock stopped: every metering point answers with its day (the bench sends no master data: a
    // point without it counts the day as awaiting master data).
    var answers = await Task.WhenAll(gsrns.Select(async g => (g, View: await grains.GetGrain<IMeteringPointGrain>(g).GetMeterDataAsync(new MeterDataQuery(interval, farFuture)))));
    var missing = answers.Where(a => a.View.Versions + a.View.AwaitingMasterData != 1).Select(a => a.g).ToList();
    if (missing.Count > 0)
    {
        throw new InvalidOperationException($"{missing.Count} metering points do not show exactly one version of their day, e.g. {missing[0]}");
    }

    Array.Sort(latencies);
    return (accepted, applied, cpu, latencies);

    async Task WaitAsync(Func<long> done, long of, string what)
    {
        while (done() < of)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"{done()} of {of} {what}");
            }

            await Task.Delay(5);
        }
    }
}

// PostgreSQL's write-ahead log position and checkpoints so far: a checkpoint in the window makes the pages written next
// log their whole image once (full_page_writes), a cost of a long steady run that a short window may or may not catch.
async Task<(long Bytes, long Checkpoints)> WalAsync()
{
    await using var connection = await monitor.OpenConnectionAsync();
    var checkpoints = connection.PostgreSqlVersion.Major >= 17 // the checkpointer's own view since PostgreSQL 17
        ? "select num_timed + num_requested from pg_stat_checkpointer"
        : "select checkpoints_timed + checkpoints_req from pg_stat_bgwriter";
    await using var command = new NpgsqlCommand($"select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint, ({checkpoints})", connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

// Posts the documents with `concurrency` requests in flight; each answer's latency into `latencies`.
async Task PostAsync(byte[][] bodies, double[] latencies)
{
    using var gate = new SemaphoreSlim(concurrency);
    await Task.WhenAll(bodies.Select(async (body, i) =>
    {
        await gate.WaitAsync();
        try
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"document {i}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        finally
        {
            gate.Release();
        }
    }));
}

static int QuarterHours(LocalDate day) => (int)(BillingTime.Day(day).Duration / Duration.FromMinutes(15));

string PerSeries(double? seconds) => seconds is { } s ? (s * 1e6 / series).ToString("F0", CultureInfo.InvariantCulture) : "?";

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static int Port()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Dictionary<string, string?> With(Dictionary<string, string?> settings, int siloPort, int gatewayPort, int? httpPort, string? url = null) =>
    new(settings)
    {
        ["BiO:Silo:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
        ["BiO:Silo:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Urls"] = url ?? $"http://127.0.0.1:{httpPort}",
    };
