using System.Text.Json;
using BiO.Domain.Time;
using BiO.Persistence.Invoicing;
using BiO.Persistence.Outbox;
using NodaTime;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary>The contract of <see cref="IInvoiceStore"/>, run against PostgreSQL and against memory.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class InvoiceStoreTests(Services services)
{
    private static readonly YearMonth January = new(2026, 1);

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task An_issued_invoice_reads_back_by_number_by_account_and_period_and_is_announced_on_the_outbox(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var invoice = Invoice("account-1", January);

        var outcome = await stores.Invoices.IssueAsync(invoice);

        Assert.True(outcome.Created);
        Assert.Equal(1, outcome.Invoice.Number);
        var byNumber = await stores.Invoices.GetAsync("BIO", 1);
        Assert.NotNull(byNumber);
        AssertSameContent(invoice, byNumber);
        AssertSameContent(invoice, (await stores.Invoices.FindAsync("account-1", BillingPeriod.Of(January).Dates))!);
        Assert.Null(await stores.Invoices.GetAsync("BIO", 2));
        Assert.Null(await stores.Invoices.GetAsync("OTHER", 1));
        Assert.Null(await stores.Invoices.FindAsync("account-1", BillingPeriod.Of(January.PlusMonths(1)).Dates));
        Assert.Null(await stores.Invoices.FindAsync("account-2", BillingPeriod.Of(January).Dates));

        var message = Assert.Single(await stores.Outbox.ListAsync(null, OutboxKinds.InvoiceIssued, 10));
        Assert.Equal("invoice:BIO:1", message.Key);
        Assert.Equal(OutboxState.Waiting, message.State);
        Assert.Equal(invoice.IssuedAt, message.CreatedAt);
        Assert.Equal("application/json", message.ContentType);
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(1, payload.RootElement.GetProperty("number").GetInt64());
        Assert.Equal("account-1", payload.RootElement.GetProperty("accountId").GetString());
        Assert.Equal("2026-01-01", payload.RootElement.GetProperty("periodFirstDay").GetString());
        Assert.Equal("2026-01-31", payload.RootElement.GetProperty("periodLastDay").GetString());
        Assert.Equal(652.63m, payload.RootElement.GetProperty("total").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Issuing_an_account_and_period_twice_returns_the_first_invoice_and_takes_no_number(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var first = await stores.Invoices.IssueAsync(Invoice("account-1", January, billRunId: "run-1"));

        var again = await stores.Invoices.IssueAsync(Invoice("account-1", January, billRunId: "run-2"));
        var other = await stores.Invoices.IssueAsync(Invoice("account-2", January));

        Assert.False(again.Created);
        Assert.Equal(first.Invoice.Number, again.Invoice.Number);
        Assert.Equal("run-1", again.Invoice.BillRunId);
        Assert.True(other.Created);
        Assert.Equal(2, other.Invoice.Number);
        Assert.Equal([1L], (await stores.Invoices.ListByAccountAsync("account-1")).Select(i => i.Number));
        Assert.Equal(["invoice:BIO:1", "invoice:BIO:2"], (await stores.Outbox.ListAsync(null, OutboxKinds.InvoiceIssued, 10)).Select(m => m.Key).Order());
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Each_series_counts_from_one_and_an_account_lists_its_invoices_by_period(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        await stores.Invoices.IssueAsync(Invoice("account-1", January.PlusMonths(1), series: "EL"));
        await stores.Invoices.IssueAsync(Invoice("account-2", January, series: "EL"));
        await stores.Invoices.IssueAsync(Invoice("account-1", January, series: "TV"));

        var listed = await stores.Invoices.ListByAccountAsync("account-1");

        Assert.Equal([("TV", 1L, January), ("EL", 1L, January.PlusMonths(1))], listed.Select(i => (i.Series, i.Number, YearMonth: new YearMonth(i.Period.Start.Year, i.Period.Start.Month))));
        Assert.Equal(652.63m, listed[0].Total);
        Assert.Equal(2, (await stores.Invoices.GetAsync("EL", 2))!.Number);
        Assert.Empty(await stores.Invoices.ListByAccountAsync("account-3"));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task An_invoice_that_breaks_a_rule_is_refused_and_takes_no_number(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var valid = Invoice("account-1", January);
        InvoiceToIssue[] broken =
        [
            valid with { Lines = [valid.Lines[0] with { Amount = 401.375m }, .. valid.Lines.Skip(1)] },
            valid with { Lines = [valid.Lines[0] with { Quantity = 312.1255m }, .. valid.Lines.Skip(1)] },
            valid with { Lines = [valid.Lines[0] with { MeteringPoint = null, ContractId = null }, .. valid.Lines.Skip(1)] },
            valid with { Total = 652.64m },
            valid with { TotalVat = 130.52m, Total = 652.62m },
            valid with { Vat = [new InvoiceVatRow("S", 25m, 522.00m, 130.50m)], TotalVat = 130.50m, Total = 652.60m },
            valid with { Lines = [] },
            valid with { SettlementBasis = "{not json" },
        ];

        foreach (var invoice in broken)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => stores.Invoices.IssueAsync(invoice));
        }

        Assert.Equal(1, (await stores.Invoices.IssueAsync(valid)).Invoice.Number);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Eight_concurrent_issuers_over_200_invoices_number_them_1_to_200_without_gap_or_duplicate(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        // Every invoice is issued twice in a row, by two issuers at once: account-period races along with number races.
        var work = Enumerable.Range(0, 400).Select(i => $"account-{i / 2:D3}").ToArray();
        var next = -1;
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<IssueOutcome>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < work.Length; i = Interlocked.Increment(ref next))
            {
                outcomes.Add(await stores.Invoices.IssueAsync(Invoice(work[i], January)));
            }
        })));

        var created = outcomes.Where(o => o.Created).Select(o => o.Invoice).ToList();
        Assert.Equal(200, created.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(n => (long)n), created.Select(i => i.Number).Order());
        Assert.Equal(200, created.Select(i => i.AccountId).Distinct().Count());
        foreach (var outcome in outcomes.Where(o => !o.Created))
        {
            Assert.Equal(created.Single(i => i.AccountId == outcome.Invoice.AccountId).Number, outcome.Invoice.Number);
        }

        var messages = await stores.Outbox.ListAsync(OutboxState.Waiting, OutboxKinds.InvoiceIssued, 1000);
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"invoice:BIO:{n}").Order(), messages.Select(m => m.Key).Order());
    }

    private static void AssertSameContent(InvoiceToIssue expected, IssuedInvoice actual)
    {
        Assert.Equal(expected.Series, actual.Series);
        Assert.Equal(expected.AccountId, actual.AccountId);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.IssuedAt, actual.IssuedAt);
        Assert.Equal(expected.BillRunId, actual.BillRunId);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Vat, actual.Vat);
        Assert.Equal((expected.TotalExcludingVat, expected.TotalVat, expected.Total), (actual.TotalExcludingVat, actual.TotalVat, actual.Total));
        using var expectedBasis = JsonDocument.Parse(expected.SettlementBasis);
        using var actualBasis = JsonDocument.Parse(actual.SettlementBasis);
        Assert.True(JsonElement.DeepEquals(expectedBasis.RootElement, actualBasis.RootElement), actual.SettlementBasis);
    }
}
