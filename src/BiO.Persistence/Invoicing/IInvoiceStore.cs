using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Issued invoices: numbered 1, 2, 3, ... per series without gaps or duplicates (also under concurrent issuers and
/// crashes), at most one per account and billing period, and an "invoice issued" message on the outbox in the same
/// transaction. PostgreSQL or, in the embedded profile without a database, memory.
/// </summary>
public interface IInvoiceStore
{
    /// <summary>
    /// Issues <paramref name="invoice"/> with the next number of its series and enqueues its
    /// <see cref="Outbox.OutboxKinds.InvoiceIssued"/> message. When the account already has an invoice for the period
    /// (a credit note: one of the same request), returns that one (Created false) and takes no number.
    /// </summary>
    /// <exception cref="ArgumentException">The invoice breaks a rule of <see cref="InvoiceToIssue.Validate"/>.</exception>
    Task<IssueOutcome> IssueAsync(InvoiceToIssue invoice, CancellationToken cancellationToken = default);

    /// <summary>The invoices of an account, by period start, then series and number.</summary>
    Task<IReadOnlyList<InvoiceSummary>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>The invoice with <paramref name="number"/> in <paramref name="series"/>, with its lines, or null.</summary>
    Task<IssuedInvoice?> GetAsync(string series, long number, CancellationToken cancellationToken = default);

    /// <summary>The invoice of an account for exactly <paramref name="period"/>, with its lines, or null.</summary>
    Task<IssuedInvoice?> FindAsync(string accountId, DateInterval period, CancellationToken cancellationToken = default);

    /// <summary>The credit or debit note issued for <paramref name="requestId"/>, with its lines, or null.</summary>
    Task<IssuedInvoice?> FindNoteAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What was invoiced for a metering point, in all invoices and credit notes together: one row per account, billing
    /// period (a correction line counts for the period it corrects), contract, price element and VAT rate.
    /// </summary>
    Task<IReadOnlyList<InvoicedElementRow>> LedgerAsync(string meteringPoint, CancellationToken cancellationToken = default);

    /// <summary>The metering points with lines of a price element whose id starts with <paramref name="elementIdPrefix"/>
    /// (e.g. a charge's "Tariff:5790000432752:40000:") in invoices of periods overlapping <paramref name="days"/>.</summary>
    Task<IReadOnlyList<string>> PointsInvoicedWithAsync(string elementIdPrefix, DateInterval days, CancellationToken cancellationToken = default);

    /// <summary>
    /// What was invoiced per billing period, grid area and DataHub charge, for the lines of metering points whose
    /// period (the invoice's, or the period a correction line corrects) lies within <paramref name="period"/>: summed
    /// amounts and quantities and the number of distinct metering points, to reconcile with DataHub's wholesale results.
    /// Lines without a grid area, and elements that are no DataHub charge (spot, the supplier's products), are left out.
    /// </summary>
    Task<IReadOnlyList<ChargeTotalRow>> ChargeTotalsAsync(DateInterval period, CancellationToken cancellationToken = default);
}
