using BiO.MarketIntake.ReRequests;
using BiO.Persistence.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BiO.MarketIntake;

/// <summary>The market adapter's HTTP intake: POST /market/documents and the dead letters at GET /market/rejected.</summary>
public static class MarketIntakeEndpoints
{
    /// <summary>The intake and its replay of unpublished documents (call after UseOrleans/UseOrleansClient).</summary>
    public static IServiceCollection AddMarketIntake(this IServiceCollection services)
    {
        services.AddOptions<MarketIntakeOptions>().BindConfiguration("BiO:MarketIntake");
        services.TryAddSingleton<MarketIntake>();
        services.TryAddSingleton<MeterDataPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<MeterDataPublisher>());
        services.AddHostedService<MarketReplayService>();
        services.TryAddSingleton<InboxService>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxService>());
        services.AddHttpClient<SpotPriceFetcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SpotPriceFetcher>());
        services.AddMeterDataReRequests();
        return services;
    }

    public static IEndpointRouteBuilder MapMarketIntake(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/market/documents", async (HttpRequest request, MarketIntake intake, CancellationToken cancellationToken) =>
        {
            using var body = new MemoryStream(request.ContentLength is > 0 and <= int.MaxValue ? (int)request.ContentLength : 0);
            await request.Body.CopyToAsync(body, cancellationToken);
            var result = await intake.AcceptAsync(request.ContentType, body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
            return result.Status switch
            {
                IntakeStatus.Accepted => Results.Accepted(value: result),
                IntakeStatus.Duplicate => Results.Ok(result),
                _ => Results.BadRequest(result),
            };
        });

        endpoints.MapGet("/market/rejected", async (IMarketDocumentStore store, int? limit, long? before, CancellationToken cancellationToken) =>
        {
            var rejected = await store.ListRejectedAsync(Math.Clamp(limit ?? 50, 1, 500), before, cancellationToken);
            return rejected.Select(r => new { r.Id, r.DocumentId, r.ContentType, r.Reasons, ReceivedAt = r.ReceivedAt.ToString() });
        });

        return endpoints;
    }
}
