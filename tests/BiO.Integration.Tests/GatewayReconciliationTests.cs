using System.Net;
using System.Text;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Persistence.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>
/// <c>POST /api/reconciliation</c> on the embedded silo: the RSM-019 fixture of the market tests (a D32 document: tariff
/// 40000 in March 2026, version D01, 123.456789 DKK for 1234.567 kWh; subscription ABO1 in February 2026, version D02,
/// 84.000001 DKK for 56) against invoices issued into the silo's store.
/// </summary>
[Trait("Category", "EndToEnd")]
public class GatewayReconciliationTests(GatewaySilo silo) : IClassFixture<GatewaySilo>, IAsyncLifetime
{
    private static readonly ChargeKey Tariff = new("5790000432752", "40000", ChargeType.Tariff);
    private static readonly ChargeKey Subscription = new("5790001089030", "ABO1", ChargeType.Subscription);
    private static readonly ChargeKey Fee = new("5790000432752", "FEE1", ChargeType.Fee);
    private static readonly Instant LinkFrom = Instant.FromUtc(2025, 12, 31, 23, 0);

    private HttpClient Http => silo.Http;

    private static string FixtureText(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "BiO.Market.Tests", "Fixtures", "Rsm019", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"The RSM-019 fixture {name} of BiO.Market.Tests was not found above {AppContext.BaseDirectory}.");
    }

    private static InvoiceLineRow Line(string point, ChargeKey charge, decimal quantity, decimal amount) =>
        new(point, "contract-" + point, ChargeElementIds.Of(charge, LinkFrom), charge.Code, charge.Type.ToString(), quantity, null, amount, "S", 25m, GridArea: "344");

    private static InvoiceToIssue Invoice(string accountId, YearMonth month, params InvoiceLineRow[] lines)
    {
        var taxable = lines.Sum(l => l.Amount);
        var vat = decimal.Round(taxable * 0.25m, 2, MidpointRounding.AwayFromZero);
        return new InvoiceToIssue("REC", accountId, BillingPeriod.Of(month).Dates, Instant.FromUtc(2026, 5, 1, 6, 0), "run-rec", lines,
            [new InvoiceVatRow("S", 25m, taxable, vat)], taxable, vat, taxable + vat, "{}");
    }

    public async Task InitializeAsync()
    {
        var invoices = silo.Host.App.Services.GetRequiredService<IInvoiceStore>();
        await invoices.IssueAsync(Invoice("rec-a", new YearMonth(2026, 3),
            Line("571313000000009001", Tariff, 600m, 61.73m), Line("571313000000009001", Fee, 1m, 100m)));
        await invoices.IssueAsync(Invoice("rec-b", new YearMonth(2026, 3), Line("571313000000009002", Tariff, 634.567m, 61.72m)));
        await invoices.IssueAsync(Invoice("rec-a", new YearMonth(2026, 2), Line("571313000000009001", Subscription, 28m, 42m)));
        await invoices.IssueAsync(Invoice("rec-b", new YearMonth(2026, 2), Line("571313000000009002", Subscription, 28m, 41m)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> PostAsync(string text, string contentType) =>
        Http.PostAsync(GatewayCalls.Path("/api/reconciliation"), new StringContent(text, Encoding.UTF8, contentType));

    [Theory]
    [InlineData("wholesale-services-d32.json", "application/json")]
    [InlineData("wholesale-services-d32.xml", "application/xml")]
    public async Task A_document_is_answered_with_its_differences_first_then_its_matches(string fixture, string contentType)
    {
        var response = await PostAsync(FixtureText(fixture), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(("BIO-RSM019-0001", "D32", 2, 1), (report.GetProperty("documentId").GetString(), report.GetProperty("process").GetString(),
            report.GetProperty("differences").GetInt32(), report.GetProperty("matches").GetInt32()));
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(
            [("differs", "D01", "ABO1", "2026-02-01", "2026-02-28"), ("only-at-bio", "D02", "FEE1", "2026-03-01", "2026-03-31"), ("matches", "D03", "40000", "2026-03-01", "2026-03-31")],
            lines.Select(l => (l.GetProperty("status").GetString(), l.GetProperty("chargeType").GetString(), l.GetProperty("chargeCode").GetString(),
                l.GetProperty("periodStart").GetString(), l.GetProperty("periodEnd").GetString())));

        var subscription = lines[0];
        Assert.Equal(("D32 D02", 84.000001m, 83m, -1.000001m, 0m, 2, 0.01m), (subscription.GetProperty("settlementVersion").GetString(),
            subscription.GetProperty("dataHubAmount").GetDecimal(), subscription.GetProperty("ourAmount").GetDecimal(), subscription.GetProperty("amountDifference").GetDecimal(),
            subscription.GetProperty("quantityDifference").GetDecimal(), subscription.GetProperty("meteringPoints").GetInt32(), subscription.GetProperty("tolerance").GetDecimal()));
        var fee = lines[1];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fee.GetProperty("dataHubAmount").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fee.GetProperty("settlementVersion").ValueKind);
        Assert.Equal(100m, fee.GetProperty("amountDifference").GetDecimal());
        var tariff = lines[2];
        Assert.Equal(("D32 D01", "5790000432752", "344", 123.456789m, 123.45m, -0.006789m, 1234.567m, 0m), (tariff.GetProperty("settlementVersion").GetString(),
            tariff.GetProperty("chargeOwner").GetString(), tariff.GetProperty("gridArea").GetString(), tariff.GetProperty("dataHubAmount").GetDecimal(),
            tariff.GetProperty("ourAmount").GetDecimal(), tariff.GetProperty("amountDifference").GetDecimal(), tariff.GetProperty("ourQuantity").GetDecimal(),
            tariff.GetProperty("quantityDifference").GetDecimal()));
    }

    [Fact]
    public async Task A_malformed_document_is_a_400_naming_document_series_and_place()
    {
        var text = FixtureText("wholesale-services-d32.xml").Replace("<cim:chargeType.type>D03<", "<cim:chargeType.type>D09<", StringComparison.Ordinal);

        var response = await PostAsync(text, "text/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(("BIO-RSM019-0001", "S1-tariff-40000", "Unknown charge type 'D09'; expected D01 (subscription), D02 (fee) or D03 (tariff)."),
            (problem.GetProperty("documentId").GetString(), problem.GetProperty("seriesId").GetString(), problem.GetProperty("problem").GetString()));
        Assert.Contains("/Series[1]/chargeType.type", problem.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Contains("S1-tariff-40000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_document_or_content_type_is_refused()
    {
        var json = await PostAsync("{\"NotifyValidatedMeasureData_MarketDocument\": {}}", "application/json");
        var text = await PostAsync(FixtureText("wholesale-services-d32.json"), "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("this reader reads NotifyWholesaleServices_MarketDocument", (await json.JsonAsync()).GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_says_the_body_is_cim_json_or_xml()
    {
        var document = await (await Http.GetAsync(GatewayCalls.Path("/openapi/v1.json"))).JsonAsync();
        var post = document.GetProperty("paths").GetProperty("/api/reconciliation").GetProperty("post");

        Assert.Equal(["application/json", "application/xml", "text/xml"], post.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.Equal("#/components/schemas/ReconciliationResponse",
            post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
    }
}
