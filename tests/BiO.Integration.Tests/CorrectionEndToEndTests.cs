using System.Net;
using System.Text.Json;
using BiO.Domain.Time;
using BiO.Grains.BillRuns;
using BiO.Persistence.MeterData;
using BiO.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>
/// Correction settlement on PostgreSQL through the gateway: a month is invoiced; corrected meter data for three days
/// (RSM-012 documents POSTed to the market intake) and a changed tariff price arrive; the pending correction is readable on the account at once; the next month's
/// invoice carries exactly the correction lines; a second correction of one of those days adjusts only the rest, and
/// is settled on a credit note referring to the first invoice.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "EndToEnd")]
public class CorrectionEndToEndTests(Services services)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Corrections_reach_the_next_invoice_and_a_credit_note_on_PostgreSQL()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "corrections-" + Guid.NewGuid().ToString("N")[..8],
            ["ConnectionStrings:Postgres"] = services.NewDatabase("corrections"),
        });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        var meterData = silo.App.Services.GetRequiredService<IMeterDataStore>();
        var may = new SettlementScenario(silo.Client, meterData, new YearMonth(2026, 5));
        await may.PricesAsync();
        var gsrn = await may.PointAsync();
        var accountId = await may.AccountAsync("E6-2026", gsrn);
        await BillAsync(silo, "run-e6-may", new YearMonth(2026, 5), accountId);
        var first = await InvoiceOfAsync(http, accountId, "2026-05-01");

        var later = may.Received + Duration.FromDays(10);
        foreach (var day in new[] { 4, 11, 18 })
        {
            await PostDayAsync(http, gsrn, $"corr-{gsrn}-{day}", new LocalDate(2026, 5, day), 0.5m); // +24 kWh each, as DataHub sends it
        }

        await may.TariffDayAsync("d08-40000-corr-2026-05-20", later, new LocalDate(2026, 5, 20), 0.75m); // 24 kWh at +0.25
        await Eventually.AssertAsync(async () => Totals(await GetAsync(http, $"/api/accounts/{accountId}/corrections")) == 72m * 0.5m + 6m + 72m + 7.2m,
            Patience, "the pending correction should show the three days and the tariff change");

        var june = new SettlementScenario(silo.Client, meterData, new YearMonth(2026, 6));
        await june.PricesAsync();
        await june.MeterDataAsync(gsrn, $"s-{gsrn}-june", june.Received);
        await BillAsync(silo, "run-e6-june", new YearMonth(2026, 6), accountId);
        var next = await GetAsync(http, $"/api/invoices/E6-2026/{(await InvoiceOfAsync(http, accountId, "2026-06-01")).GetProperty("number").GetInt64()}");
        var corrections = next.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("correctsStart").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(
            [("FLEX markup", 7.2m), ("Nettarif", 42m), ("Spot DK1", 72m)],
            corrections.Select(l => (l.GetProperty("description").GetString()!.Split(": ")[1], l.GetProperty("amount").GetDecimal())).Order());
        Assert.All(corrections, l => Assert.Equal(("2026-05-01", "2026-05-31"), (l.GetProperty("correctsStart").GetString(), l.GetProperty("correctsEnd").GetString())));
        Assert.All(corrections, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("reason").GetString())));
        Assert.Equal(0m, Totals(await GetAsync(http, $"/api/accounts/{accountId}/corrections")));

        await PostDayAsync(http, gsrn, $"corr2-{gsrn}-11", new LocalDate(2026, 5, 11), 0.375m); // -12 kWh from the last
        await Eventually.AssertAsync(async () => Totals(await GetAsync(http, $"/api/accounts/{accountId}/corrections")) == -(6m + 12m + 1.2m),
            Patience, "the second correction should adjust only the rest");
        using var ask = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/accounts/{accountId}/credit-notes", UriKind.Relative));
        ask.Headers.Add("Idempotency-Key", "credit-e6");
        var note = await http.SendAsync(ask);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var credit = (await GetAsync(http, $"/api/accounts/{accountId}/invoices")).EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "credit-note");
        Assert.Equal(-19.2m * 1.25m, credit.GetProperty("total").GetDecimal());
        Assert.Equal($"E6-2026-{first.GetProperty("number").GetInt64():D6}", credit.GetProperty("refersTo").GetString());
        Assert.Equal(3, credit.GetProperty("number").GetInt64()); // the series stays gapless: May, June, the credit note
    }

    // An RSM-012 (CIM JSON) of one local day, every quarter-hour the same quantity, through the market intake.
    private static async Task PostDayAsync(HttpClient http, string gsrn, string documentId, LocalDate date, decimal quantity)
    {
        var day = BillingTime.Day(date);
        var body = Rsm012.Json(documentId, new Rsm012.Series(documentId + "-s", gsrn, day.Start, day.End,
            Enumerable.Repeat((decimal?)quantity, (int)((day.End - day.Start) / Duration.FromMinutes(15))).ToList()));
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{documentId}: {await response.Content.ReadAsStringAsync()}");
    }

    private static decimal Totals(JsonElement corrections) =>
        corrections.EnumerateArray().Where(c => c.GetProperty("state").GetString() == "Settled").Sum(c => c.GetProperty("total").GetDecimal());

    private static async Task BillAsync(Host silo, string runId, YearMonth month, string accountId)
    {
        var run = silo.Client.GetGrain<IBillRunGrain>(runId);
        await run.StartAsync(month);
        await Eventually.AssertAsync(async () => (await run.GetAsync())!.Accounts.Single(a => a.AccountId == accountId).State == "Settled",
            Patience, $"account {accountId} should be settled by {runId}");
    }

    private static async Task<JsonElement> InvoiceOfAsync(HttpClient http, string accountId, string periodStart) =>
        (await GetAsync(http, $"/api/accounts/{accountId}/invoices")).EnumerateArray()
            .Single(i => i.GetProperty("periodStart").GetString() == periodStart && i.GetProperty("kind").GetString() == "invoice");

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}
