using BiO.Domain.MeteringPoints;
using BiO.Grains.MeteringPoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace BiO.Gateway.Api;

/// <summary>The integration gateway's REST API (grows with each issue).</summary>
public static class GatewayEndpoints
{
    /// <summary>Maps the API under /api.</summary>
    public static IEndpointRouteBuilder MapBiOGateway(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        api.MapGet("/cluster/silos", async (IGrainFactory grains) =>
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
            return hosts.Select(h => new SiloView(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(s => s.Address, StringComparer.Ordinal).ToList();
        });

        api.MapGet("/metering-points/{gsrn}", async (string gsrn, IGrainFactory grains, IClock clock) =>
        {
            if (!Gsrn.TryParse(gsrn, out var id, out var error))
            {
                return Results.Problem(title: "Invalid GSRN", detail: error, statusCode: StatusCodes.Status400BadRequest);
            }

            var snapshot = await grains.GetGrain<IMeteringPointGrain>(id.Value).GetSnapshotAsync(clock.GetCurrentInstant());
            return Results.Ok(snapshot);
        });

        return endpoints;
    }

    /// <summary>A silo as the API lists it.</summary>
    public sealed record SiloView(string Address, string Status);
}
