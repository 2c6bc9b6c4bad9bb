using BiO.Persistence;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>How <see cref="StoreRegistration.AddBiOStores"/> wires the invoice store and the outbox (no database is opened).</summary>
public class InvoicingRegistrationTests
{
    [Fact]
    public async Task Without_a_database_the_invoice_store_announces_on_the_registered_in_memory_outbox()
    {
        await using var provider = new ServiceCollection().AddBiOStores(null).BuildServiceProvider();

        await provider.GetRequiredService<IInvoiceStore>().IssueAsync(InvoicingStores.Invoice("account-1", new YearMonth(2026, 1)));

        Assert.IsType<InMemoryOutbox>(provider.GetRequiredService<IOutbox>());
        var message = Assert.Single(await provider.GetRequiredService<IOutbox>().ListAsync(OutboxState.Waiting, OutboxKinds.InvoiceIssued, 10));
        Assert.Equal("invoice:BIO:1", message.Key);
    }

    [Fact]
    public async Task With_a_connection_string_both_are_on_PostgreSQL()
    {
        await using var provider = new ServiceCollection().AddBiOStores("Host=127.0.0.1;Port=1;Database=none").BuildServiceProvider();

        Assert.IsType<InvoiceStore>(provider.GetRequiredService<IInvoiceStore>());
        Assert.IsType<PostgresOutbox>(provider.GetRequiredService<IOutbox>());
        Assert.Same(OutboxPolicy.Default, provider.GetRequiredService<OutboxPolicy>());
    }
}
