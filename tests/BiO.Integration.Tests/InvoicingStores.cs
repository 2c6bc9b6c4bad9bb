using BiO.Domain.Time;
using BiO.Hosting;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using NodaTime;
using Npgsql;

namespace BiO.Integration.Tests;

/// <summary>An outbox and an invoice store sharing it, on a fresh PostgreSQL database or in memory.</summary>
public sealed class InvoicingStores : IAsyncDisposable
{
    /// <summary>5 s doubling up to 10 min, 3 attempts, claims held for 1 min: small enough to reach Failed in a test.</summary>
    public static readonly OutboxPolicy Policy = new(Duration.FromSeconds(5), Duration.FromMinutes(10), maxAttempts: 3, claimLease: Duration.FromMinutes(1));

    private InvoicingStores(IOutbox outbox, IInvoiceStore invoices, NpgsqlDataSource? dataSource)
    {
        Outbox = outbox;
        Invoices = invoices;
        DataSource = dataSource;
    }

    public IOutbox Outbox { get; }

    public IInvoiceStore Invoices { get; }

    /// <summary>The database, when on PostgreSQL.</summary>
    public NpgsqlDataSource? DataSource { get; }

    public static TheoryData<string> Kinds() => ["postgres", "memory"];

    public static async Task<InvoicingStores> CreateAsync(Services services, string kind)
    {
        if (kind == "memory")
        {
            var memory = new InMemoryOutbox(Policy);
            return new InvoicingStores(memory, new InMemoryInvoiceStore(memory), null);
        }

        var database = services.NewDatabase("invoicing");
        Assert.Equal(0, await BiOHost.MigrateAsync([], new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database }));
        var dataSource = NpgsqlDataSource.Create(database);
        return new InvoicingStores(new PostgresOutbox(dataSource, Policy), new InvoiceStore(dataSource), dataSource);
    }

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;

    public const string Gsrn = "571313000000002000";

    /// <summary>
    /// An electricity invoice of three lines at 25% VAT: spot 401.37 + grid tariff 97.53 + subscription 23.20 = 522.10,
    /// VAT 130.525 rounded to 130.53, total 652.63.
    /// </summary>
    public static InvoiceToIssue Invoice(string accountId, YearMonth month, string series = "BIO", string billRunId = "run-1") => new(
        series,
        accountId,
        BillingPeriod.Of(month).Dates,
        Instant.FromUtc(month.Year, month.Month, 1, 6, 0).Plus(Duration.FromDays(31)),
        billRunId,
        [
            new InvoiceLineRow(Gsrn, "contract-1", "spot", "Elforbrug (spot)", "Energy", 312.125m, null, 401.37m, "S", 25m),
            new InvoiceLineRow(Gsrn, null, "40000", "Nettarif C", "Tariff", 312.125m, 0.312456m, 97.53m, "S", 25m),
            new InvoiceLineRow(null, "contract-1", "sub-1", "Abonnement", "Subscription", 1m, 23.2m, 23.20m, "S", 25m),
        ],
        [new InvoiceVatRow("S", 25m, 522.10m, 130.53m)],
        522.10m,
        130.53m,
        652.63m,
        $$"""{"meterData": [{"gsrn": "{{Gsrn}}", "versions": ["series-1", "series-2"]}], "prices": [{"charge": "40000", "version": 3}]}""");
}
