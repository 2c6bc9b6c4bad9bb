using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BiO.Gateway.Api;

/// <summary>
/// The integration gateway's REST API under /api (JSON, camelCase, NodaTime values as ISO strings) and its OpenAPI
/// document at /openapi/v1.json. Hosted by the silo in the embedded profile and by the gateway process.
/// </summary>
public static class GatewayEndpoints
{
    /// <summary>The path of the OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The services the API needs: its OpenAPI document (the /api endpoints only) and readable 400s for unreadable bodies.</summary>
    public static IServiceCollection AddBiOGateway(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "BiO integration gateway";
                document.Info.Description = "Accounts, contracts, payers, price lists, bill runs, invoices, the outbox and reconciliation with DataHub of BiO.";
                return Task.CompletedTask;
            });
        });

        // Numbers are JSON numbers (not also strings): the document then types them as integer/number.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);

        // Binding failures throw, so that UnreadableBodies can answer them with the JSON path of the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddTransient<IStartupFilter, UnreadableBodies>();
        services.AddInvoiceDelivery();
        return services;
    }

    /// <summary>Maps the API under /api and the OpenAPI document (needs <see cref="AddBiOGateway"/>).</summary>
    public static IEndpointRouteBuilder MapBiOGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup("/api").AddEndpointFilter<GrainRefusals>();

        api.MapGet("/cluster/silos", async (IGrainFactory grains) =>
            {
                var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
                return hosts.Select(h => new SiloView(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(s => s.Address, StringComparer.Ordinal).ToList();
            })
            .WithTags("Cluster")
            .WithName("ListSilos")
            .WithSummary("The silos of the cluster and their status")
            .Produces<List<SiloView>>();

        AccountEndpoints.Map(api);
        QuantityEndpoints.Map(api);
        CorrectionEndpoints.Map(api);
        MeteringPointEndpoints.Map(api);
        PriceListEndpoints.Map(api);
        BillRunEndpoints.Map(api);
        InvoiceEndpoints.Map(api);
        OutboxEndpoints.Map(api);
        ReconciliationEndpoints.Map(api);
        return endpoints;
    }

    /// <summary>A silo as the API lists it.</summary>
    public sealed record SiloView(string Address, string Status);
}
