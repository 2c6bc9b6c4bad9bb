using BiO.Domain.Time;
using BiO.Grains.BillRuns;
using BiO.Persistence.Invoicing;
using BiO.Persistence.MeterData;
using BiO.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>A silo killed in the middle of a bill run, on PostgreSQL: a new silo resumes it by its reminder alone.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "EndToEnd")]
public class BillRunCrashTests(Services services)
{
    private static readonly YearMonth May = new(2026, 5);

    [Fact]
    public async Task After_a_silo_is_killed_during_a_bill_run_every_due_account_has_exactly_one_invoice_and_the_numbers_no_gap()
    {
        var settings = Host.Cluster("crash-" + Guid.NewGuid().ToString("N")[..10], services.NewDatabase("crash"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        settings["BiO:BillRuns:MaxConcurrentAccounts"] = "1"; // slow enough to be killed half-way
        const int accounts = 24;
        var series = "CR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var ids = new List<string>();

        var first = await Host.SiloAsync(settings);
        try
        {
            var scenario = new SettlementScenario(first.Client, first.App.Services.GetRequiredService<IMeterDataStore>(), May);
            await scenario.PricesAsync();
            for (var i = 0; i < accounts; i++)
            {
                ids.Add(await scenario.AccountAsync(series, await scenario.PointAsync()));
            }

            var run = first.Client.GetGrain<IBillRunGrain>("run-crash");
            await run.StartAsync(May);
            await Eventually.AssertAsync(async () => (await run.GetAsync())!.Settled >= 3, TimeSpan.FromSeconds(60), "the run should have settled a few accounts");
            Assert.True((await run.GetAsync())!.Settled < accounts, "the run should still be going when the silo is killed");
        }
        finally
        {
            await first.App.StopAsync(new CancellationToken(canceled: true)); // no graceful shutdown: a crash
            await first.App.DisposeAsync();
        }

        // Nobody calls the run: its reminder wakes it on the new silo, which settles the rest.
        await using var second = await Host.SiloAsync(settings);
        var store = second.App.Services.GetRequiredService<IInvoiceStore>();
        var period = BillingPeriod.Of(May).Dates;
        await Eventually.AssertAsync(async () => (await Task.WhenAll(ids.Select(id => store.FindAsync(id, period)))).All(i => i is not null),
            TimeSpan.FromMinutes(4), "every account should be invoiced after the restart");

        var invoices = await Task.WhenAll(ids.Select(id => store.ListByAccountAsync(id)));
        Assert.All(invoices, list => Assert.Single(list));
        Assert.Equal(Enumerable.Range(1, accounts).Select(n => (long)n), invoices.Select(l => l[0].Number).Order());
        Assert.All(invoices, l => Assert.Equal(l[0].TotalExcludingVat + l[0].TotalVat, l[0].Total));
        var view = await second.Client.GetGrain<IBillRunGrain>("run-crash").GetAsync();
        Assert.Equal((accounts, 0, 0), (view!.Settled, view.Waiting, view.Failed));
    }
}
