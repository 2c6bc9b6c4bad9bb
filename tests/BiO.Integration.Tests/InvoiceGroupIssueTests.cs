using BiO.Domain.Time;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using NodaTime;
using Npgsql;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary>
/// Issuing many invoices at once (on PostgreSQL written in groups, one transaction per group and series): numbers stay
/// gapless and unique per series, an account and period (a credit note: a request) is issued once even when it comes
/// twice in one group, and one failing invoice fails only its own caller.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class InvoiceGroupIssueTests(Services services)
{
    private static readonly YearMonth January = new(2026, 1);
    private static readonly string[] Series = ["EL", "GAS", "HEAT"];

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Concurrent_issuers_of_three_series_with_each_account_three_times_get_gapless_numbers_and_one_invoice_each(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        // 20 accounts issued before, one by one: in the groups below they are found, not numbered again.
        var before = new List<IssueOutcome>();
        foreach (var account in Enumerable.Range(0, 20))
        {
            before.Add(await stores.Invoices.IssueAsync(Invoice($"account-{account:D3}", January, series: SeriesOf(account))));
        }

        // 150 accounts, 50 per series, each issued three times, all calls started at once.
        var work = Enumerable.Range(0, 450).Select(i => i % 150).Select(account => Invoice($"account-{account:D3}", January, series: SeriesOf(account))).ToList();
        var outcomes = await Task.WhenAll(work.Select(invoice => Task.Run(() => stores.Invoices.IssueAsync(invoice))));

        foreach (var series in Series)
        {
            var created = before.Concat(outcomes).Where(o => o.Created && o.Invoice.Series == series).Select(o => o.Invoice).ToList();
            Assert.Equal(50, created.Count);
            Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), created.Select(i => i.Number).Order());
            Assert.Equal(50, created.Select(i => i.AccountId).Distinct().Count());
        }

        Assert.Equal(130, outcomes.Count(o => o.Created));
        var numberOf = before.Concat(outcomes).Where(o => o.Created).ToDictionary(o => o.Invoice.AccountId, o => o.Invoice.Number);
        Assert.All(outcomes, o => Assert.Equal(numberOf[o.Invoice.AccountId], o.Invoice.Number));
        Assert.All(outcomes, o => Assert.Equal(SeriesOf(int.Parse(o.Invoice.AccountId[^3..], System.Globalization.CultureInfo.InvariantCulture)), o.Invoice.Series));
        foreach (var account in new[] { "account-000", "account-077", "account-149" })
        {
            var listed = Assert.Single(await stores.Invoices.ListByAccountAsync(account));
            Assert.Equal(numberOf[account], listed.Number);
        }

        var messages = await stores.Outbox.ListAsync(OutboxState.Waiting, OutboxKinds.InvoiceIssued, 1000);
        Assert.Equal(
            Series.SelectMany(s => Enumerable.Range(1, 50).Select(n => $"invoice:{s}:{n}")).Order(StringComparer.Ordinal),
            messages.Select(m => m.Key).Order(StringComparer.Ordinal));
        if (stores.DataSource is { } dataSource)
        {
            Assert.Equal(Series.Select(s => (s, 50L)), await CountersAsync(dataSource));
            // Group commit did happen: the 130 new invoices were written by far fewer transactions.
            Assert.InRange(await ScalarAsync<long>(dataSource, "select count(distinct xmin::text) from bio.invoice"), 20 + 3, 20 + 65);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Credit_notes_issued_with_invoices_take_numbers_of_the_series_once_per_request(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var first = await stores.Invoices.IssueAsync(Invoice("account-000", January));

        // 30 invoices and 10 credit notes (requests issued twice each), one series, all at once; each credit note is for an
        // account and period that also has an invoice.
        var invoices = Enumerable.Range(1, 30).Select(i => Invoice($"account-{i:D3}", January)).ToList();
        var creditNotes = Enumerable.Range(0, 20).Select(i => CreditNote($"account-{i % 10:D3}", $"request-{i % 10}", refersTo: $"BIO-{(i % 10) + 1}")).ToList();
        var outcomes = await Task.WhenAll(invoices.Concat(creditNotes).Select(invoice => Task.Run(() => stores.Invoices.IssueAsync(invoice))));

        var created = outcomes.Where(o => o.Created).Select(o => o.Invoice).Append(first.Invoice).ToList();
        Assert.Equal(41, created.Count);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => (long)n), created.Select(i => i.Number).Order());
        var notes = created.Where(i => i.Kind == InvoiceKinds.CreditNote).ToList();
        Assert.Equal(10, notes.Count);
        Assert.Equal(10, notes.Select(n => n.AccountId).Distinct().Count());
        var repeated = outcomes.Skip(30).Where(o => !o.Created).Select(o => o.Invoice).ToList();
        Assert.Equal(10, repeated.Count);
        Assert.All(repeated, note => Assert.Equal(notes.Single(n => n.AccountId == note.AccountId).Number, note.Number));
        Assert.All(repeated, note => Assert.Equal(InvoiceKinds.CreditNote, note.Kind));

        var stored = (await stores.Invoices.GetAsync("BIO", notes[0].Number))!;
        Assert.Equal(InvoiceKinds.CreditNote, stored.Kind);
        Assert.Equal(notes[0].RefersTo, stored.RefersTo);
        Assert.Equal(-401.37m, stored.Lines[0].Amount);
        Assert.Equal(new DateInterval(new LocalDate(2025, 12, 1), new LocalDate(2025, 12, 31)), stored.Lines[0].Corrects);
        // An account and period with an invoice and a credit note: finding its invoice finds the invoice.
        var found = (await stores.Invoices.FindAsync(notes[0].AccountId, BillingPeriod.Of(January).Dates))!;
        Assert.Equal(InvoiceKinds.Invoice, found.Kind);
        Assert.Equal(2, (await stores.Invoices.ListByAccountAsync(notes[0].AccountId)).Count);
        Assert.Equal(41, (await stores.Outbox.ListAsync(OutboxState.Waiting, OutboxKinds.InvoiceIssued, 1000)).Count);
    }

    [Theory]
    [InlineData("raise exception 'line refused by test trigger'")]
    [InlineData("perform pg_terminate_backend(pg_backend_pid())")]
    public async Task One_failing_invoice_among_concurrent_issuers_fails_alone_and_leaves_no_gap(string failure)
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
        var work = Enumerable.Range(0, 40).Select(i => Invoice($"account-{i:D3}", January)).ToList();
        work[17] = work[17] with { Lines = [work[17].Lines[0] with { Description = "fail here" }, .. work[17].Lines.Skip(1)] };

        var calls = work.Select(invoice => Task.Run(() => stores.Invoices.IssueAsync(invoice))).ToList();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => calls[17]);
        var outcomes = await Task.WhenAll(calls.Where((_, i) => i != 17));

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal(Enumerable.Range(1, 39).Select(n => (long)n), outcomes.Select(o => o.Invoice.Number).Order());
        Assert.Null(await stores.Invoices.FindAsync("account-017", BillingPeriod.Of(January).Dates));
        Assert.Equal(40, (await stores.Invoices.IssueAsync(Invoice("account-017", January))).Invoice.Number);
        Assert.Equal(40, (await stores.Outbox.ListAsync(null, OutboxKinds.InvoiceIssued, 100)).Count);
        Assert.Equal([("BIO", 40L)], await CountersAsync(stores.DataSource!));
    }

    private static string SeriesOf(int account) => Series[account % Series.Length];

    /// <summary>A credit note giving back the spot line of December 2025, for January's account.</summary>
    private static InvoiceToIssue CreditNote(string accountId, string requestId, string refersTo)
    {
        var invoice = Invoice(accountId, January);
        var december = BillingPeriod.Of(new YearMonth(2025, 12)).Dates;
        return invoice with
        {
            Lines = [invoice.Lines[0] with { Amount = -401.37m, Quantity = -312.125m, Corrects = december, Reason = "new meter data" }],
            Vat = [new InvoiceVatRow("S", 25m, -401.37m, -100.34m)],
            TotalExcludingVat = -401.37m,
            TotalVat = -100.34m,
            Total = -501.71m,
            Kind = InvoiceKinds.CreditNote,
            RefersTo = refersTo,
            RequestId = requestId,
        };
    }

    private static async Task<List<(string Series, long LastNumber)>> CountersAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select series, last_number from bio.invoice_series order by series collate \"C\"");
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            counters.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counters;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
