using System.Net;
using System.Text.Json;

namespace BiO.Integration.Tests;

/// <summary>The gateway's OpenAPI document, served by the embedded silo.</summary>
[Trait("Category", "EndToEnd")]
public class GatewayOpenApiTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    /// <summary>Every endpoint of the gateway API, as (method, path template).</summary>
    public static readonly (string Method, string Path)[] Endpoints =
    [
        ("get", "/api/cluster/silos"),
        ("put", "/api/accounts/{accountId}"),
        ("get", "/api/accounts/{accountId}"),
        ("get", "/api/accounts"),
        ("get", "/api/accounts/{accountId}/invoices"),
        ("get", "/api/accounts/{accountId}/corrections"),
        ("post", "/api/accounts/{accountId}/credit-notes"),
        ("put", "/api/contracts/{contractId}"),
        ("get", "/api/contracts/{contractId}"),
        ("put", "/api/contracts/{contractId}/quantities/{month}"),
        ("get", "/api/contracts/{contractId}/quantities"),
        ("get", "/api/metering-points/{gsrn}"),
        ("get", "/api/metering-points/{gsrn}/supply"),
        ("get", "/api/metering-points/{gsrn}/meter-data"),
        ("put", "/api/metering-points/{gsrn}/payer"),
        ("get", "/api/metering-points/{gsrn}/requests"),
        ("put", "/api/price-lists/{productCode}"),
        ("get", "/api/price-lists/{productCode}"),
        ("post", "/api/bill-runs"),
        ("get", "/api/bill-runs/{runId}"),
        ("get", "/api/invoices/{series}/{number}"),
        ("get", "/api/outbox"),
        ("post", "/api/reconciliation"),
    ];

    [Fact]
    public async Task The_document_lists_every_endpoint_with_a_summary_and_a_typed_success_response()
    {
        var response = await silo.Http.GetAsync(GatewayCalls.Path("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        var listed = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete").Select(o => (o.Name, p.Name)))
            .Order()
            .ToList();
        Assert.Equal(Endpoints.Order().ToList(), listed);

        foreach (var (method, path) in Endpoints)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{method} {path} has no success response");
            Assert.All(success, r => Assert.True(
                r.Value.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), $"{method} {path} {r.Name} has no schema"));
        }
    }

    [Fact]
    public async Task Request_bodies_are_typed_and_dates_are_strings_named_in_camel_case()
    {
        var document = await (await silo.Http.GetAsync(GatewayCalls.Path("/openapi/v1.json"))).JsonAsync();
        var put = document.GetProperty("paths").GetProperty("/api/contracts/{contractId}").GetProperty("put");
        var reference = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/ContractRequest", reference);

        var contract = document.GetProperty("components").GetProperty("schemas").GetProperty("ContractRequest").GetProperty("properties");
        var names = contract.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["accountId", "productCode", "kind", "start", "end", "meteringPoint", "priceListVersion", "monthlyFee", "unitPrice", "unit"],
            names);
        Assert.Contains("string", contract.GetProperty("start").GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.Contains("2026-03-01", contract.GetProperty("start").GetProperty("description").GetString(), StringComparison.Ordinal);
        var header = put.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("in").GetString() == "header");
        Assert.Equal("Idempotency-Key", header.GetProperty("name").GetString());
        Assert.False(document.GetProperty("paths").TryGetProperty("/market/documents", out _), "the market intake is not part of the gateway's document");
    }
}
