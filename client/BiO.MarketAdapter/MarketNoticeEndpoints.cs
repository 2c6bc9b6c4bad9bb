using BiO.Domain.Market;
using BiO.Domain.MeteringPoints;
using BiO.Grains;
using BiO.Grains.MeteringPoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Orleans.Runtime;

namespace BiO.MarketAdapter;

/// <summary>
/// Intake of document notices: validated, then published on the stream of the metering point they concern.
/// The DataHub CIM documents themselves (parsing, durable intake, dead letters) come with the market adapter issue.
/// </summary>
public static class MarketNoticeEndpoints
{
    public static IEndpointRouteBuilder MapMarketNotices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/market/notices", async (DocumentNoticeRequest request, IClusterClient cluster) =>
        {
            if (Validate(request) is { } problem)
            {
                return Results.Problem(title: "Rejected document notice", detail: problem, statusCode: StatusCodes.Status400BadRequest);
            }

            var notice = new MarketDocumentNotice(
                request.DocumentId!, request.DocumentType!, request.Gsrn!,
                new Interval(Instant.FromDateTimeOffset(request.PeriodStart!.Value), Instant.FromDateTimeOffset(request.PeriodEnd!.Value)),
                Instant.FromDateTimeOffset(request.CreatedAt!.Value));
            await cluster.GetStreamProvider(StreamNames.MarketProvider)
                .GetStream<MarketDocumentNotice>(StreamId.Create(StreamNames.MeteringPointDocuments, notice.Gsrn))
                .OnNextAsync(notice);
            return Results.Accepted($"/api/metering-points/{notice.Gsrn}", new { notice.DocumentId, notice.Gsrn });
        });
        return endpoints;
    }

    /// <summary>What is wrong with a request, naming the document and the field; null when it is fine.</summary>
    private static string? Validate(DocumentNoticeRequest request)
    {
        var document = request.DocumentId ?? "(no documentId)";
        if (!Gsrn.TryParse(request.Gsrn, out _, out var gsrnError))
        {
            return $"Document {document}, field gsrn: {gsrnError}";
        }

        foreach (var (field, value) in new[] { ("periodStart", request.PeriodStart), ("periodEnd", request.PeriodEnd), ("createdAt", request.CreatedAt) })
        {
            if (value is null)
            {
                return $"Document {document}, field {field}: required (an ISO 8601 time with offset, e.g. 2026-03-01T23:00Z).";
            }
        }

        if (request.PeriodEnd <= request.PeriodStart)
        {
            return $"Document {document}: periodEnd {request.PeriodEnd:O} is not after periodStart {request.PeriodStart:O}.";
        }

        try
        {
            new DocumentHeader(request.DocumentId!, request.DocumentType!, new Interval(Instant.FromDateTimeOffset(request.PeriodStart!.Value), Instant.FromDateTimeOffset(request.PeriodEnd!.Value))).Validate();
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        return null;
    }
}

/// <summary>A document notice as posted: the document's id, type, metering point, period and creation time.</summary>
public sealed record DocumentNoticeRequest(
    string? DocumentId, string? DocumentType, string? Gsrn, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, DateTimeOffset? CreatedAt);
