using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>An issued invoice or credit note without its lines: what a list shows.</summary>
public record InvoiceSummary(
    string Series,
    long Number,
    string AccountId,
    DateInterval Period,
    Instant IssuedAt,
    string BillRunId,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    string Kind = InvoiceKinds.Invoice,
    string? RefersTo = null);

/// <summary>An issued invoice with its number, lines, VAT per rate and settlement basis (JSON).</summary>
public sealed record IssuedInvoice(
    string Series,
    long Number,
    string AccountId,
    DateInterval Period,
    Instant IssuedAt,
    string BillRunId,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    IReadOnlyList<InvoiceLineRow> Lines,
    IReadOnlyList<InvoiceVatRow> Vat,
    string SettlementBasis,
    string Kind = InvoiceKinds.Invoice,
    string? RefersTo = null)
    : InvoiceSummary(Series, Number, AccountId, Period, IssuedAt, BillRunId, TotalExcludingVat, TotalVat, Total, Kind, RefersTo)
{
    /// <summary>The invoice <paramref name="content"/> with the number it was given.</summary>
    public static IssuedInvoice From(InvoiceToIssue content, long number)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new IssuedInvoice(
            content.Series, number, content.AccountId, content.Period, content.IssuedAt, content.BillRunId,
            content.TotalExcludingVat, content.TotalVat, content.Total, content.Lines.ToArray(), content.Vat.ToArray(), content.SettlementBasis,
            content.Kind, content.RefersTo);
    }
}

/// <summary>What issuing did: the invoice, and whether it was issued now (false: it existed for the account and period).</summary>
public sealed record IssueOutcome(IssuedInvoice Invoice, bool Created);
