using System.Net;

namespace BiO.Integration.Tests;

/// <summary>The gateway as its own Orleans client process (Cluster profile) serves the same API and document as the silo.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "EndToEnd")]
public class GatewayProcessTests(Services services)
{
    [Fact]
    public async Task The_separate_gateway_serves_the_document_and_defines_what_the_silo_then_shows()
    {
        var settings = Host.Cluster("gwp-" + Guid.NewGuid().ToString("N")[..12], services.NewDatabase("gateway"), services.AzureQueues);
        settings["BiO:Silo:Dashboard"] = "false";
        await using var silo = await Host.SiloAsync(settings);
        await using var gateway = await Host.GatewayAsync(settings);
        using var viaGateway = new HttpClient { BaseAddress = new Uri(gateway.Url) };
        using var viaSilo = new HttpClient { BaseAddress = new Uri(silo.Url) };

        var document = await (await viaGateway.GetAsync(GatewayCalls.Path("/openapi/v1.json"))).JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(GatewayOpenApiTests.Endpoints.All(e => paths.Contains(e.Path)), "the gateway's document lists every endpoint");

        Assert.Equal(HttpStatusCode.NotFound, (await viaGateway.GetAsync(GatewayCalls.Path("/api/accounts/nobody"))).StatusCode);
        var defined = await viaGateway.PutJsonAsync("/api/accounts/acc-gw", new { name = "Via the gateway", invoiceSeries = "G" });
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);

        var read = await (await viaSilo.GetAsync(GatewayCalls.Path("/api/accounts/acc-gw"))).JsonAsync();
        Assert.Equal("Via the gateway", read.GetProperty("name").GetString());
        var invoices = await viaGateway.GetAsync(GatewayCalls.Path("/api/accounts/acc-gw/invoices"));
        Assert.Equal(HttpStatusCode.OK, invoices.StatusCode);
        Assert.Equal(0, (await invoices.JsonAsync()).GetArrayLength());
    }
}
