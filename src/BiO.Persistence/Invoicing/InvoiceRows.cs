using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>One invoice line as stored.</summary>
/// <param name="MeteringPoint">The GSRN the line is for, if any.</param>
/// <param name="ContractId">The contract the line is for, if any (a line names a metering point, a contract or both).</param>
/// <param name="ElementId">The price element (charge, product, spot, ...).</param>
/// <param name="Description">The text on the invoice.</param>
/// <param name="Kind">The element kind, e.g. "Energy", "Tariff", "Subscription", "Fee".</param>
/// <param name="Quantity">The quantity, at most 3 decimals.</param>
/// <param name="UnitPrice">DKK per unit with at most 6 decimals, or null when the line has no single unit price (e.g. spot).</param>
/// <param name="Amount">DKK excluding VAT, rounded to øre (at most 2 decimals).</param>
/// <param name="VatCode">The VAT category code, e.g. "S".</param>
/// <param name="VatPercent">The VAT rate in percent.</param>
/// <param name="Corrects">The billing period a correction line corrects; null for a line of the invoice's own period.</param>
/// <param name="Reason">Why a correction line exists, e.g. "new meter data received 2026-04-03"; null otherwise.</param>
/// <param name="GridArea">The metering point's grid area, when the line is of a metering point.</param>
/// <param name="DataVersion">The newest meter data version (received instant) the amount was computed from.</param>
/// <param name="PriceVersion">The newest price version (received instant) the amount was computed from.</param>
public sealed record InvoiceLineRow(
    string? MeteringPoint,
    string? ContractId,
    string ElementId,
    string Description,
    string Kind,
    decimal Quantity,
    decimal? UnitPrice,
    decimal Amount,
    string VatCode,
    decimal VatPercent,
    DateInterval? Corrects = null,
    string? Reason = null,
    string? GridArea = null,
    Instant? DataVersion = null,
    Instant? PriceVersion = null);

/// <summary>VAT of one rate on an invoice: the taxable sum of its lines and the VAT, both in DKK with 2 decimals.</summary>
public sealed record InvoiceVatRow(string VatCode, decimal VatPercent, decimal Taxable, decimal Vat);

/// <summary>The kinds of issued documents: an invoice of a billing period, or a credit note settling corrections apart.</summary>
public static class InvoiceKinds
{
    public const string Invoice = "invoice";

    public const string CreditNote = "credit-note";

    public const string DebitNote = "debit-note";

    /// <summary>Whether <paramref name="kind"/> is one of the kinds.</summary>
    public static bool IsKnown(string? kind) => kind is Invoice or CreditNote or DebitNote;
}

/// <summary>
/// What was invoiced, in all invoices and credit notes together, for one account, billing period, contract, metering
/// point and price element: the sums of the amounts and quantities, and the newest basis versions among the lines.
/// </summary>
public sealed record InvoicedElementRow(
    string AccountId,
    DateInterval Period,
    string? ContractId,
    string MeteringPoint,
    string ElementId,
    string Description,
    string Kind,
    string VatCode,
    decimal VatPercent,
    decimal Amount,
    decimal Quantity,
    Instant? DataVersion,
    Instant? PriceVersion);
