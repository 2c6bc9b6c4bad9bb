using BiO.Persistence.Outbox;
using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Invoices of the embedded profile without a database, with the same contract: lost when the process stops.
/// Numbering and the account-period check happen under one lock; the outbox message follows right after.
/// </summary>
public sealed class InMemoryInvoiceStore(IOutbox outbox) : IInvoiceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> lastNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Series, long Number), IssuedInvoice> bySeries = [];
    private readonly Dictionary<(string AccountId, DateInterval Period), IssuedInvoice> byAccountPeriod = [];
    private readonly Dictionary<string, IssuedInvoice> creditNotes = new(StringComparer.Ordinal);

    public async Task<IssueOutcome> IssueAsync(InvoiceToIssue invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.Validate();
        IssuedInvoice issued;
        lock (gate)
        {
            var existing = invoice.Kind == InvoiceKinds.Invoice
                ? byAccountPeriod.GetValueOrDefault((invoice.AccountId, invoice.Period))
                : creditNotes.GetValueOrDefault(invoice.RequestId!);
            if (existing is not null)
            {
                return new IssueOutcome(existing, Created: false);
            }

            var number = lastNumbers.GetValueOrDefault(invoice.Series) + 1;
            lastNumbers[invoice.Series] = number;
            issued = IssuedInvoice.From(invoice, number);
            bySeries[(issued.Series, number)] = issued;
            if (invoice.Kind == InvoiceKinds.Invoice)
            {
                byAccountPeriod[(issued.AccountId, issued.Period)] = issued;
            }
            else
            {
                creditNotes[invoice.RequestId!] = issued;
            }
        }

        await outbox.EnqueueAsync(InvoiceIssuedMessage.For(issued), issued.IssuedAt, cancellationToken);
        return new IssueOutcome(issued, Created: true);
    }

    public Task<IReadOnlyList<InvoiceSummary>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InvoiceSummary>>(bySeries.Values
                .Where(i => i.AccountId == accountId)
                .OrderBy(i => i.Period.Start).ThenBy(i => i.Series, StringComparer.Ordinal).ThenBy(i => i.Number)
                .Select(i => new InvoiceSummary(i.Series, i.Number, i.AccountId, i.Period, i.IssuedAt, i.BillRunId, i.TotalExcludingVat, i.TotalVat, i.Total, i.Kind, i.RefersTo))
                .ToList());
        }
    }

    public Task<IssuedInvoice?> GetAsync(string series, long number, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        lock (gate)
        {
            return Task.FromResult(bySeries.GetValueOrDefault((series, number)));
        }
    }

    public Task<IssuedInvoice?> FindAsync(string accountId, DateInterval period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(period);
        lock (gate)
        {
            return Task.FromResult(byAccountPeriod.GetValueOrDefault((accountId, period)));
        }
    }

    public Task<IssuedInvoice?> FindNoteAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        lock (gate)
        {
            return Task.FromResult(creditNotes.GetValueOrDefault(requestId));
        }
    }

    public Task<IReadOnlyList<InvoicedElementRow>> LedgerAsync(string meteringPoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meteringPoint);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InvoicedElementRow>>(bySeries.Values
                .SelectMany(i => i.Lines.Where(l => l.MeteringPoint == meteringPoint).Select(l => (Invoice: i, Line: l)))
                .GroupBy(x => (x.Invoice.AccountId, Period: x.Line.Corrects ?? x.Invoice.Period, x.Line.ContractId, x.Line.ElementId, x.Line.VatCode, x.Line.VatPercent))
                .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Period.Start)
                .ThenBy(g => g.Key.ContractId, StringComparer.Ordinal).ThenBy(g => g.Key.ElementId, StringComparer.Ordinal)
                .Select(g => new InvoicedElementRow(
                    g.Key.AccountId, g.Key.Period, g.Key.ContractId, meteringPoint, g.Key.ElementId,
                    g.Min(x => x.Line.Description)!, g.Min(x => x.Line.Kind)!, g.Key.VatCode, g.Key.VatPercent,
                    g.Sum(x => x.Line.Amount), g.Sum(x => x.Line.Quantity), g.Max(x => x.Line.DataVersion), g.Max(x => x.Line.PriceVersion)))
                .ToList());
        }
    }

    public Task<IReadOnlyList<string>> PointsInvoicedWithAsync(string elementIdPrefix, DateInterval days, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementIdPrefix);
        ArgumentNullException.ThrowIfNull(days);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(bySeries.Values
                .SelectMany(i => i.Lines.Where(l => l.MeteringPoint is not null && l.ElementId.StartsWith(elementIdPrefix, StringComparison.Ordinal)
                    && (l.Corrects ?? i.Period).Start <= days.End && (l.Corrects ?? i.Period).End >= days.Start))
                .Select(l => l.MeteringPoint!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        }
    }

    public Task<IReadOnlyList<ChargeTotalRow>> ChargeTotalsAsync(DateInterval period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        lock (gate)
        {
            var sums = bySeries.Values
                .SelectMany(i => i.Lines.Select(l => (Period: l.Corrects ?? i.Period, Line: l)))
                .Where(x => x.Line.GridArea is not null && x.Line.MeteringPoint is not null && ChargeTotals.Within(x.Period, period))
                .GroupBy(x => (x.Period, GridArea: x.Line.GridArea!, x.Line.ElementId))
                .Select(g => new ChargeTotals.ElementSum(g.Key.Period, g.Key.GridArea, g.Key.ElementId, g.Sum(x => x.Line.Amount), g.Sum(x => x.Line.Quantity),
                    g.Select(x => x.Line.MeteringPoint!).ToHashSet(StringComparer.Ordinal)));
            return Task.FromResult(ChargeTotals.Fold(sums));
        }
    }
}
