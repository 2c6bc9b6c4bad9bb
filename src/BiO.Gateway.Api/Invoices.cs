using System.ComponentModel;
using BiO.Persistence.Invoicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>An issued invoice in a list (without lines). Amounts in DKK.</summary>
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
    decimal Total)
{
    public static InvoiceSummaryResponse From(InvoiceSummary invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.Series, invoice.Number, invoice.AccountId, Iso.Date(invoice.Period.Start), Iso.Date(invoice.Period.End),
            Iso.Instant(invoice.IssuedAt), invoice.BillRunId, invoice.TotalExcludingVat, invoice.TotalVat, invoice.Total);
    }
}

/// <summary>An issued invoice with its lines, VAT per rate and the settlement basis (JSON text).</summary>
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
    IReadOnlyList<InvoiceLineRow> Lines,
    IReadOnlyList<InvoiceVatRow> Vat,
    [property: Description("Which meter data and price versions were used, as JSON text.")] string SettlementBasis)
{
    public static InvoiceResponse From(IssuedInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var summary = InvoiceSummaryResponse.From(invoice);
        return new(summary.Series, summary.Number, summary.AccountId, summary.PeriodStart, summary.PeriodEnd, summary.IssuedAt, summary.BillRunId,
            summary.TotalExcludingVat, summary.TotalVat, summary.Total, invoice.Lines, invoice.Vat, invoice.SettlementBasis);
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
