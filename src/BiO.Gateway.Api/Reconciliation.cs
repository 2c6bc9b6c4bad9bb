using System.ComponentModel;
using System.Text.Json;
using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Wholesale;
using BiO.Persistence.Invoicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace BiO.Gateway.Api;

/// <summary>A reconciliation of an RSM-019 document with what BiO invoiced: differences first, then matches.</summary>
public sealed record ReconciliationResponse(
    [property: Description("The RSM-019 document's mRID.")] string DocumentId,
    [property: Description("D05 wholesale fixing or D32 correction settlement.")] string Process,
    [property: Description("How many lines differ (amount beyond the tolerance, quantity, or on one side only).")] int Differences,
    [property: Description("How many lines match.")] int Matches,
    IReadOnlyList<ReconciliationLineResponse> Lines);

/// <summary>One charge in one grid area and billing period: DataHub's total beside ours. Amounts in DKK; differences are ours minus DataHub's.</summary>
public sealed record ReconciliationLineResponse(
    [property: Description("matches, differs, only-at-datahub or only-at-bio.")] string Status,
    [property: Description("D01 subscription, D02 fee or D03 tariff.")] string ChargeType,
    [property: Description("The charge owner's GLN.")] string ChargeOwner,
    [property: Description("The charge code (chargeType.mRID).")] string ChargeCode,
    string GridArea,
    [property: Description("First day of the billing period, ISO date.")] string PeriodStart,
    [property: Description("Last day of the billing period (included), ISO date.")] string PeriodEnd,
    [property: Description("The settlement DataHub's total comes from: D05, or D32 D01..D03; null when DataHub has none.")] string? SettlementVersion,
    decimal? DataHubAmount,
    decimal? OurAmount,
    decimal AmountDifference,
    decimal? DataHubQuantity,
    decimal? OurQuantity,
    decimal QuantityDifference,
    [property: Description("How many metering points BiO invoiced the charge for.")] int MeteringPoints,
    [property: Description("The largest amount difference that matches: 0.005 DKK per invoiced metering point.")] decimal Tolerance)
{
    public static ReconciliationLineResponse From(ReconciliationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var status = line.Status switch
        {
            ReconciliationStatus.Matches => "matches",
            ReconciliationStatus.Differs => "differs",
            ReconciliationStatus.OnlyAtDataHub => "only-at-datahub",
            _ => "only-at-bio",
        };
        return new(status, line.Charge.Type.Code(), line.Charge.OwnerGln, line.Charge.Code, line.GridArea, Iso.Date(line.Period.Start), Iso.Date(line.Period.End),
            line.Version?.Code(), line.DataHubAmount, line.OurAmount, line.AmountDifference, line.DataHubQuantity, line.OurQuantity, line.QuantityDifference,
            line.MeteringPoints, line.Tolerance);
    }
}

/// <summary>Reconciliation of DataHub's wholesale settlement (RSM-019) with our invoiced totals.</summary>
internal static class ReconciliationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/reconciliation", ReconcileAsync)
            .WithTags("Reconciliation")
            .WithName("Reconcile")
            .WithSummary("Compares an RSM-019 NotifyWholesaleServices document (CIM JSON or XML, by Content-Type) with what BiO invoiced, per charge, grid area and billing period")
            .WithDescription("DataHub's latest settlement version per key counts (D05 < D32 D01 < D02 < D03); only our totals in the grid areas and periods the document covers are compared; "
                + "amounts match within 0.005 DKK per invoiced metering point, quantities must be equal. Differences come first, then matches.")
            .Accepts<JsonElement>("application/json", "application/xml", "text/xml")
            .Produces<ReconciliationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ReconcileAsync(HttpRequest request, IInvoiceStore invoices, CancellationToken cancellationToken)
    {
        var form = FormOf(request.ContentType);
        if (form is null)
        {
            return Results.Problem(title: "Unsupported content type",
                detail: $"Send the RSM-019 document as application/json (CIM JSON) or application/xml (CIM XML), not '{request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        NotifyWholesaleServices document;
        try
        {
            document = form == DocumentForm.Json ? WholesaleServicesJsonReader.Read(body) : WholesaleServicesXmlReader.Read(body);
        }
        catch (DocumentReadException ex)
        {
            return Results.Problem(title: "The RSM-019 document could not be read", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["documentId"] = ex.DocumentId, ["seriesId"] = ex.SeriesId, ["place"] = ex.Place, ["problem"] = ex.Problem });
        }

        var results = document.Results();
        IReadOnlyList<ChargeTotalRow> ours = [];
        if (results.Count > 0)
        {
            var span = new DateInterval(results.Min(r => r.Period.Start), results.Max(r => r.Period.End));
            ours = await invoices.ChargeTotalsAsync(span, cancellationToken);
        }

        var lines = ChargeReconciliation.Compare(results, ours.Select(r => r.ToTotal()));
        var matches = lines.Count(l => l.Matches);
        return Results.Ok(new ReconciliationResponse(document.Header.DocumentId, document.Header.Process.Code(), lines.Count - matches, matches,
            [.. lines.Select(ReconciliationLineResponse.From)]));
    }

    /// <summary>
    /// JSON or XML by the media type; the endpoint's Accepts metadata already answers other content types with 415
    /// before the handler runs, so null is only a fallback.
    /// </summary>
    private static DocumentForm? FormOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return null;
        }

        return type.ToLowerInvariant() switch
        {
            "application/json" => DocumentForm.Json,
            "application/xml" or "text/xml" => DocumentForm.Xml,
            _ => null,
        };
    }

    private enum DocumentForm
    {
        Json,
        Xml,
    }
}
