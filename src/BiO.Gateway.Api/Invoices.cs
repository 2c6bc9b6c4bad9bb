using System.ComponentModel;
using BiO.Persistence.Invoicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>An issued invoice, credit note or debit note in a list (without lines). Amounts in DKK.</summary>
public record InvoiceSummaryResponse(
    string Series,
    long Number,
    string AccountId,
    [property: Description("First day of the billing period, ISO date.")] string PeriodStart,
    [property: Description("Last day of the billing period (included), ISO date.")] string PeriodEnd,
    [property: Description("ISO instant (UTC).")] string IssuedAt,
    string BillRunId,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    [property: Description("invoice, credit-note or debit-note.")] string Kind,
    [property: Description("A credit or debit note: the number(s) of the invoice(s) it corrects.")] string? RefersTo)
{
    public static InvoiceSummaryResponse From(InvoiceSummary invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.Series, invoice.Number, invoice.AccountId, Iso.Date(invoice.Period.Start), Iso.Date(invoice.Period.End),
            Iso.Instant(invoice.IssuedAt), invoice.BillRunId, invoice.TotalExcludingVat, invoice.TotalVat, invoice.Total, invoice.Kind, invoice.RefersTo);
    }
}

/// <summary>An invoice line: what it is for, quantity and amount (DKK excl. VAT); a correction line names the period it corrects and why.</summary>
public sealed record InvoiceLineResponse(
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
    [property: Description("A correction line: the first day of the period it corrects, ISO date.")] string? CorrectsStart,
    [property: Description("A correction line: the last day (included) of the period it corrects, ISO date.")] string? CorrectsEnd,
    [property: Description("A correction line: why, e.g. new meter data or changed prices received.")] string? Reason,
    string? GridArea,
    [property: Description("The newest meter data version (received instant) the amount was computed from.")] string? DataVersion,
    [property: Description("The newest price version (received instant) the amount was computed from.")] string? PriceVersion)
{
    public static InvoiceLineResponse From(InvoiceLineRow line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.MeteringPoint, line.ContractId, line.ElementId, line.Description, line.Kind, line.Quantity, line.UnitPrice, line.Amount,
            line.VatCode, line.VatPercent, Iso.Date(line.Corrects?.Start), Iso.Date(line.Corrects?.End), line.Reason, line.GridArea,
            Iso.Instant(line.DataVersion), Iso.Instant(line.PriceVersion));
    }
}

/// <summary>An issued invoice (or credit or debit note) with its lines, VAT per rate and the settlement basis (JSON text).</summary>
public sealed record InvoiceResponse(
    string Series,
    long Number,
    string AccountId,
    string PeriodStart,
    string PeriodEnd,
    string IssuedAt,
    string BillRunId,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal Total,
    string Kind,
    string? RefersTo,
    IReadOnlyList<InvoiceLineResponse> Lines,
    IReadOnlyList<InvoiceVatRow> Vat,
    [property: Description("Which meter data and price versions were used, as JSON text.")] string SettlementBasis)
{
    public static InvoiceResponse From(IssuedInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var summary = InvoiceSummaryResponse.From(invoice);
        return new(summary.Series, summary.Number, summary.AccountId, summary.PeriodStart, summary.PeriodEnd, summary.IssuedAt, summary.BillRunId,
            summary.TotalExcludingVat, summary.TotalVat, summary.Total, summary.Kind, summary.RefersTo,
            invoice.Lines.Select(InvoiceLineResponse.From).ToList(), invoice.Vat, invoice.SettlementBasis);
    }
}

/// <summary>Reading issued invoices.</summary>
internal static class InvoiceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/invoices/{series}/{number}", GetAsync)
            .WithTags("Invoices")
            .WithName("GetInvoice")
            .WithSummary("An issued invoice by series and number, with its lines and VAT rows")
            .Produces<InvoiceResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(string series, string number, IInvoiceStore invoices, CancellationToken cancellationToken)
    {
        if (!long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return Results.Problem(title: "Invalid invoice number", detail: $"'number' must be a whole number from 1, not '{number}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await invoices.GetAsync(series, n, cancellationToken) is { } invoice
            ? Results.Ok(InvoiceResponse.From(invoice))
            : NotFound.Problem("Unknown invoice", $"No invoice {n} in series '{series}'.");
    }
}
