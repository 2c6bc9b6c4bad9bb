using System.Text.Json;
using BiO.Domain.Money;
using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>An invoice to issue: everything but its number, which the store assigns.</summary>
/// <param name="Series">The invoice series; numbers are gapless per series.</param>
/// <param name="AccountId">The customer account invoiced.</param>
/// <param name="Period">The billing period, local days in Europe/Copenhagen, both ends included (e.g. <c>BillingPeriod.Of(month).Dates</c>).</param>
/// <param name="IssuedAt">When it is issued (the invoice date follows from it).</param>
/// <param name="BillRunId">The bill run that produced it.</param>
/// <param name="Lines">The lines, in order (at least one).</param>
/// <param name="Vat">VAT per rate: one row per (code, percent) of the lines.</param>
/// <param name="TotalExcludingVat">The sum of the line amounts.</param>
/// <param name="TotalVat">The sum of the VAT rows.</param>
/// <param name="Total">Excluding VAT plus VAT.</param>
/// <param name="SettlementBasis">JSON: which meter data and price versions were used (stored as jsonb; read back normalised).</param>
/// <param name="Kind">An <see cref="InvoiceKinds.Invoice"/> (one per account and period), or a credit or debit note.</param>
/// <param name="RefersTo">A credit note: the number(s) of the invoice(s) it corrects.</param>
/// <param name="RequestId">A credit note: the request that issues it; the same request again finds it.</param>
public sealed record InvoiceToIssue(
    string Series,
    string AccountId,
    DateInterval Period,
    Instant IssuedAt,
    string BillRunId,
    IReadOnlyList<InvoiceLineRow> Lines,
    IReadOnlyList<InvoiceVatRow> Vat,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    string SettlementBasis,
    string Kind = InvoiceKinds.Invoice,
    string? RefersTo = null,
    string? RequestId = null)
{
    /// <summary>Checks what the store relies on: decimals, that the totals add up, and that the basis is JSON.</summary>
    /// <exception cref="ArgumentException">The first rule broken, named.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Series);
        ArgumentException.ThrowIfNullOrWhiteSpace(AccountId);
        ArgumentNullException.ThrowIfNull(Period);
        ArgumentException.ThrowIfNullOrWhiteSpace(BillRunId);
        ArgumentNullException.ThrowIfNull(Lines);
        ArgumentNullException.ThrowIfNull(Vat);
        Require(Lines.Count > 0, "An invoice needs at least one line.");
        Require(InvoiceKinds.IsKnown(Kind), $"Kind '{Kind}' is not {InvoiceKinds.Invoice}, {InvoiceKinds.CreditNote} or {InvoiceKinds.DebitNote}.");
        Require(Kind == InvoiceKinds.Invoice || (!string.IsNullOrWhiteSpace(RequestId) && !string.IsNullOrWhiteSpace(RefersTo)), "A credit or debit note needs the request that issues it and the invoice it refers to.");
        for (var i = 0; i < Lines.Count; i++)
        {
            ValidateLine(Lines[i], $"Lines[{i}]");
        }

        for (var i = 0; i < Vat.Count; i++)
        {
            var row = Vat[i];
            Require(row is not null && !string.IsNullOrWhiteSpace(row.VatCode), $"Vat[{i}]: no VAT code.");
            Require(row!.VatPercent is >= 0m and <= 100m && Decimals.HasAtMost(row.VatPercent, 2), $"Vat[{i}]: percent {row.VatPercent} is not 0..100 with at most 2 decimals.");
            Require(Decimals.HasAtMost(row.Taxable, Decimals.Ore) && Decimals.HasAtMost(row.Vat, Decimals.Ore), $"Vat[{i}]: amounts must have at most 2 decimals.");
            var taxable = Lines.Where(l => SameRate(l, row)).Sum(l => l.Amount);
            Require(Lines.Any(l => SameRate(l, row)), $"Vat[{i}]: no line has VAT {row.VatCode} {row.VatPercent}%.");
            Require(row.Taxable == taxable, $"Vat[{i}]: taxable {row.Taxable} is not the sum of its lines, {taxable}.");
        }

        Require(Vat.Select(r => (r.VatCode, r.VatPercent)).Distinct().Count() == Vat.Count, "Two VAT rows share a rate.");
        Require(Lines.All(l => Vat.Any(r => SameRate(l, r))), "A line's VAT rate has no VAT row.");
        Require(Decimals.HasAtMost(TotalExcludingVat, Decimals.Ore) && Decimals.HasAtMost(TotalVat, Decimals.Ore) && Decimals.HasAtMost(Total, Decimals.Ore), "Totals must have at most 2 decimals.");
        Require(TotalExcludingVat == Lines.Sum(l => l.Amount), $"TotalExcludingVat {TotalExcludingVat} is not the sum of the lines, {Lines.Sum(l => l.Amount)}.");
        Require(TotalVat == Vat.Sum(r => r.Vat), $"TotalVat {TotalVat} is not the sum of the VAT rows, {Vat.Sum(r => r.Vat)}.");
        Require(Total == TotalExcludingVat + TotalVat, $"Total {Total} is not {TotalExcludingVat} + {TotalVat}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(SettlementBasis);
        try
        {
            using var _ = JsonDocument.Parse(SettlementBasis);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"SettlementBasis is not JSON: {ex.Message}", nameof(SettlementBasis), ex);
        }
    }

    private static void ValidateLine(InvoiceLineRow? line, string at)
    {
        Require(line is not null, $"{at}: missing.");
        Require(!string.IsNullOrWhiteSpace(line!.MeteringPoint) || !string.IsNullOrWhiteSpace(line.ContractId), $"{at}: names neither a metering point nor a contract.");
        Require(!string.IsNullOrWhiteSpace(line.ElementId), $"{at}: no element id.");
        Require(!string.IsNullOrWhiteSpace(line.Description), $"{at}: no description.");
        Require(!string.IsNullOrWhiteSpace(line.Kind), $"{at}: no kind.");
        Require(Decimals.HasAtMost(line.Quantity, Decimals.Quantity), $"{at}: quantity {line.Quantity} has more than 3 decimals.");
        Require(line.UnitPrice is null || Decimals.HasAtMost(line.UnitPrice.Value, Decimals.UnitPrice), $"{at}: unit price {line.UnitPrice} has more than 6 decimals.");
        Require(Decimals.HasAtMost(line.Amount, Decimals.Ore), $"{at}: amount {line.Amount} is not rounded to øre.");
        Require(!string.IsNullOrWhiteSpace(line.VatCode), $"{at}: no VAT code.");
        Require(line.VatPercent is >= 0m and <= 100m && Decimals.HasAtMost(line.VatPercent, 2), $"{at}: VAT percent {line.VatPercent} is not 0..100 with at most 2 decimals.");
        Require((line.Corrects is null) == string.IsNullOrWhiteSpace(line.Reason), $"{at}: a correction line names the period it corrects and why; other lines name neither.");
    }

    private static bool SameRate(InvoiceLineRow line, InvoiceVatRow row) =>
        line.VatCode == row.VatCode && line.VatPercent == row.VatPercent;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
