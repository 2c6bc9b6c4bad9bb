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
    decimal VatPercent);

/// <summary>VAT of one rate on an invoice: the taxable sum of its lines and the VAT, both in DKK with 2 decimals.</summary>
public sealed record InvoiceVatRow(string VatCode, decimal VatPercent, decimal Taxable, decimal Vat);
