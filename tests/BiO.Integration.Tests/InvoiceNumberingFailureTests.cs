using BiO.Domain.Time;
using BiO.Persistence.Outbox;
using NodaTime;
using Npgsql;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary>
/// On PostgreSQL: a transaction that fails or dies after it took a number gives the number back. A trigger on the
/// invoice lines (inserted after the number was taken) makes the failure happen exactly there.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class InvoiceNumberingFailureTests(Services services)
{
    private static readonly YearMonth January = new(2026, 1);

    [Theory]
    [InlineData("raise exception 'line refused by test trigger'")]
    [InlineData("perform pg_terminate_backend(pg_backend_pid())")]
    public async Task A_transaction_that_fails_after_taking_a_number_leaves_no_gap(string failure)
    {
        await using var stores = await CreateAsync(services, "postgres");
        await ExecuteAsync(stores.DataSource!, $$"""
            create function bio.test_fail_line() returns trigger language plpgsql as $$
            begin
                if new.description = 'fail here' then {{failure}}; end if;
                return new;
            end $$;
            create trigger test_fail_line before insert on bio.invoice_line for each row execute function bio.test_fail_line();
            """);
        Assert.Equal(1, (await stores.Invoices.IssueAsync(Invoice("account-1", January))).Invoice.Number);
        var failing = Invoice("account-2", January);
        failing = failing with { Lines = [failing.Lines[0] with { Description = "fail here" }, .. failing.Lines.Skip(1)] };

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => stores.Invoices.IssueAsync(failing));

        Assert.Null(await stores.Invoices.FindAsync("account-2", BillingPeriod.Of(January).Dates));
        Assert.Equal(2, (await stores.Invoices.IssueAsync(Invoice("account-3", January))).Invoice.Number);
        Assert.Equal(3, (await stores.Invoices.IssueAsync(Invoice("account-2", January))).Invoice.Number);
        Assert.Equal(
            ["invoice:BIO:1", "invoice:BIO:2", "invoice:BIO:3"],
            (await stores.Outbox.ListAsync(null, OutboxKinds.InvoiceIssued, 10)).Select(m => m.Key).Order());
        await using var numbers = stores.DataSource!.CreateCommand("select array_agg(number order by number) from bio.invoice where series = 'BIO'");
        var stored = (long[])(await numbers.ExecuteScalarAsync())!;
        Assert.Equal([1L, 2L, 3L], stored);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
