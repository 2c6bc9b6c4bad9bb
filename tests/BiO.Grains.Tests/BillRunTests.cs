using BiO.Grains.Accounts;
using BiO.Grains.BillRuns;
using BiO.Persistence.Outbox;
using BiO.Testing;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class BillRunTests(GrainClusterFixture fixture)
{
    private async Task<BillRunAccount> AccountInRunAsync(string runId, string accountId, string state)
    {
        var run = fixture.Client.GetGrain<IBillRunGrain>(runId);
        BillRunAccount? account = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            account = (await run.GetAsync())!.Accounts.Single(a => a.AccountId == accountId);
            if (account.State == state)
            {
                return account;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Account {accountId} in run {runId} is {account?.State} ({string.Join("; ", account?.Reasons ?? [])}), not {state}.");
        return account!;
    }

    [Fact]
    public async Task An_account_gets_one_invoice_with_the_lines_of_all_its_points_and_products()
    {
        var scenario = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 2));
        await scenario.PricesAsync();
        var first = await scenario.PointAsync();
        var second = await scenario.PointAsync();
        var accountId = await scenario.AccountAsync("T1-2026", first, second);
        await fixture.Client.GetGrain<IContractGrain>("BB-" + accountId).DefineAsync(new ContractDefinition(
            "bb-" + accountId, "BB-" + accountId, accountId, "BB-500", "Broadband", new LocalDate(2026, 1, 1), MonthlyFee: 199m));

        var started = await fixture.Client.GetGrain<IBillRunGrain>("run-t1").StartAsync(new YearMonth(2026, 2));
        Assert.Contains(started.Accounts, a => a.AccountId == accountId);
        var settled = await AccountInRunAsync("run-t1", accountId, "Settled");

        var invoice = (await fixture.Invoices.FindAsync(accountId, scenario.Period.Dates))!;
        Assert.Equal(settled.InvoiceNumber, $"T1-2026-{invoice.Number:D6}");
        Assert.Equal(9, invoice.Lines.Count); // 2 points x (tariff, spot, markup, subscription) + broadband
        Assert.Equal(199m, invoice.Lines.Single(l => l.ContractId == "BB-" + accountId).Amount);
        Assert.Equal(672m * 0.5m, invoice.Lines.Single(l => l.MeteringPoint == first && l.Description == "Nettarif").Amount); // 2,688 x 0.25 kWh
        Assert.Equal(invoice.Lines.Sum(l => l.Amount), invoice.TotalExcludingVat);
        Assert.Equal(invoice.TotalExcludingVat * 0.25m, invoice.TotalVat);
        Assert.Equal(invoice.TotalExcludingVat + invoice.TotalVat, invoice.Total);
    }

    [Fact]
    public async Task A_missing_quarter_hour_is_re_requested_and_the_waiting_account_is_settled_when_it_arrives()
    {
        var scenario = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 3));
        await scenario.PricesAsync();
        var gsrn = await scenario.PointAsync(69); // 2026-03-01 17:00-17:15 local
        var accountId = await scenario.AccountAsync("T2-2026", gsrn);

        await fixture.Client.GetGrain<IBillRunGrain>("run-t2").StartAsync(new YearMonth(2026, 3));
        var waiting = await AccountInRunAsync("run-t2", accountId, "Waiting");
        Assert.Contains($"{gsrn} 2026-03-01 17:00-17:15: no quantity", waiting.Reasons);
        var requests = await new MeterDataRequests(fixture.Outbox).ForPointAsync(gsrn);
        Assert.Equal([new Interval(Instant.FromUtc(2026, 2, 28, 23, 0), Instant.FromUtc(2026, 3, 1, 23, 0))], requests.Select(r => r.Period));
        Assert.Null(await fixture.Invoices.FindAsync(accountId, scenario.Period.Dates));

        await scenario.MeterDataAsync(gsrn, "s2-" + gsrn, scenario.Received + Duration.FromDays(1)); // DataHub's answer, complete
        var settled = await AccountInRunAsync("run-t2", accountId, "Settled");
        Assert.NotNull(settled.InvoiceNumber);
        Assert.Single(await new MeterDataRequests(fixture.Outbox).ForPointAsync(gsrn)); // asked once, not again while pending
    }

    [Fact]
    public async Task Two_concurrent_runs_give_each_account_one_invoice_and_the_series_no_gap()
    {
        var scenario = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 4));
        await scenario.PricesAsync();
        var accounts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            accounts.Add(await scenario.AccountAsync("T3-2026", await scenario.PointAsync()));
        }

        await Task.WhenAll(
            fixture.Client.GetGrain<IBillRunGrain>("run-t3a").StartAsync(new YearMonth(2026, 4)),
            fixture.Client.GetGrain<IBillRunGrain>("run-t3b").StartAsync(new YearMonth(2026, 4)));
        var numbers = new List<string>();
        foreach (var accountId in accounts)
        {
            var a = await AccountInRunAsync("run-t3a", accountId, "Settled");
            var b = await AccountInRunAsync("run-t3b", accountId, "Settled");
            Assert.Equal(a.InvoiceNumber, b.InvoiceNumber);
            numbers.Add(a.InvoiceNumber!);
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"T3-2026-{n:D6}"), numbers.Order(StringComparer.Ordinal));
    }
}
