using System.Collections.Concurrent;
using BiO.Grains.Accounts;
using BiO.Grains.BillRuns;
using BiO.Persistence.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>Issued invoices pushed from the outbox to the integration endpoint (an ERP's webhook), retried until it takes them.</summary>
[Trait("Category", "EndToEnd")]
public class GatewayInvoiceDeliveryTests
{
    [Fact]
    public async Task An_issued_invoice_reaches_the_webhook_once_with_its_key_after_the_webhook_first_refused()
    {
        var received = new ConcurrentQueue<(string Key, string Body)>();
        var calls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        var url = $"http://127.0.0.1:{Host.FreePort()}";
        builder.WebHost.UseSetting("urls", url);
        await using var erp = builder.Build();
        erp.MapPost("/invoices", async (HttpRequest request) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return Results.StatusCode(503); // the ERP is away the first time
            }

            received.Enqueue((request.Headers["Idempotency-Key"].ToString(), await new StreamReader(request.Body).ReadToEndAsync()));
            return Results.Accepted();
        });
        await erp.StartAsync();

        await using var silo = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "erp-" + Guid.NewGuid().ToString("N")[..8],
            ["BiO:Integration:InvoiceWebhook"] = url + "/invoices",
            ["BiO:Integration:DeliveryPeriod"] = "00:00:00.200",
        });
        var accountId = "ERP-" + Guid.NewGuid().ToString("N")[..8];
        await silo.Client.GetGrain<ICustomerAccountGrain>(accountId).DefineAsync(new AccountDefinition("a", accountId, "Erp Kunde", "ERP-2026"));
        await silo.Client.GetGrain<IContractGrain>("TV-" + accountId).DefineAsync(new ContractDefinition(
            "c", "TV-" + accountId, accountId, "TV-BASIS", "Tv", new LocalDate(2026, 1, 1), MonthlyFee: 249m));
        await silo.Client.GetGrain<IBillRunGrain>("run-erp").StartAsync(new YearMonth(2026, 2));

        await Eventually.AssertAsync(() => Task.FromResult(!received.IsEmpty), TimeSpan.FromSeconds(60), "the webhook should get the invoice");
        var (key, body) = Assert.Single(received);
        Assert.Equal("invoice:ERP-2026:1", key);
        Assert.Contains($"\"accountId\":\"{accountId}\"", body, StringComparison.Ordinal);
        Assert.Contains("\"total\":311.25", body, StringComparison.Ordinal); // 249 + 25 % VAT
        var outbox = silo.App.Services.GetRequiredService<IOutbox>();
        var message = Assert.Single(await outbox.ByKeyAsync(key));
        Assert.Equal(OutboxState.Answered, message.State);
        Assert.True(message.Attempts >= 2, $"the refused attempt should count: {message.Attempts}");
    }
}
