using System.Net;
using System.Text.Json;

namespace BiO.Integration.Tests;

/// <summary>The gateway API on the embedded silo refuses bad requests with 400 problem+json naming the field, before any grain is called.</summary>
[Trait("Category", "EndToEnd")]
public class GatewayApiValidationTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private HttpClient Http => silo.Http;

    [Fact]
    public async Task A_contract_without_its_account_and_with_an_impossible_date_is_400_naming_both_fields()
    {
        var response = await Http.PutJsonAsync("/api/contracts/c-bad", new { productCode = "el-flex", kind = "Electricity", start = "2026-02-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(["accountId", "start"], GatewayCalls.ErrorFields(problem));
        Assert.Contains("2026-02-30", problem.GetProperty("errors").GetProperty("start")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_contract_kind_and_a_bad_metering_point_are_named()
    {
        var response = await Http.PutJsonAsync("/api/contracts/c-kind", new
        {
            accountId = "a-1", productCode = "gas", kind = "Gas", start = "2026-03-01", meteringPoint = "5713",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["kind", "meteringPoint"], GatewayCalls.ErrorFields(problem));
        Assert.Contains("Consultancy", problem.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_where_the_account_name_belongs_is_400_naming_its_JSON_path()
    {
        var response = await Http.PutRawAsync("/api/accounts/a-type", """{"name": 5, "invoiceSeries": "A"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("$.name", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_a_name_is_400_naming_it()
    {
        var response = await Http.PutJsonAsync("/api/accounts/a-noname", new { invoiceSeries = "A" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], GatewayCalls.ErrorFields(await response.JsonAsync()));
    }

    [Fact]
    public async Task A_price_list_names_the_version_and_window_field_that_is_wrong()
    {
        var response = await Http.PutJsonAsync("/api/price-lists/el-tou", new
        {
            versions = new object[]
            {
                new { effectiveFrom = "2026-01-01", markup = 0.1m, monthlySubscription = 29m },
                new
                {
                    effectiveFrom = "2026-04-01", markup = 0.1m,
                    windows = new[] { new { name = "peak", months = new[] { 10, 11 }, from = "17:00", to = "25:00", price = 0.5m } },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["versions[1].monthlySubscription", "versions[1].windows[0].to"], GatewayCalls.ErrorFields(await response.JsonAsync()));
    }

    [Fact]
    public async Task A_bill_run_for_a_month_that_is_no_month_is_400_naming_month()
    {
        var response = await Http.PostAsync(GatewayCalls.Path("/api/bill-runs"), System.Net.Http.Json.JsonContent.Create(new { month = "March 2026" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["month"], GatewayCalls.ErrorFields(await response.JsonAsync()));
    }

    [Fact]
    public async Task Query_values_outside_their_set_are_400_naming_the_parameter()
    {
        var accounts = await Http.GetAsync(GatewayCalls.Path("/api/bill-runs/run-x?accounts=lost&limit=0"));
        var outbox = await Http.GetAsync(GatewayCalls.Path("/api/outbox?state=Lost"));
        var meterData = await Http.GetAsync(GatewayCalls.Path("/api/metering-points/571313000000002000/meter-data?month=2026-03&knownAt=yesterday"));

        Assert.Equal(HttpStatusCode.BadRequest, accounts.StatusCode);
        Assert.Equal(["accounts", "limit"], GatewayCalls.ErrorFields(await accounts.JsonAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, outbox.StatusCode);
        Assert.Equal(["state"], GatewayCalls.ErrorFields(await outbox.JsonAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, meterData.StatusCode);
        Assert.Equal(["knownAt"], GatewayCalls.ErrorFields(await meterData.JsonAsync()));
    }

    [Fact]
    public async Task A_payer_on_something_that_is_no_GSRN_is_400_saying_why()
    {
        var response = await Http.PutJsonAsync("/api/metering-points/5713/payer", new { accountId = "a-1", from = "2026-03-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("18 digits", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoice_that_was_never_issued_is_404_and_the_empty_outbox_is_an_empty_list()
    {
        var invoice = await Http.GetAsync(GatewayCalls.Path("/api/invoices/A/41"));
        var notANumber = await Http.GetAsync(GatewayCalls.Path("/api/invoices/A/first"));
        var outbox = await Http.GetAsync(GatewayCalls.Path("/api/outbox?state=waiting&kind=rsm-015"));

        Assert.Equal(HttpStatusCode.NotFound, invoice.StatusCode);
        Assert.Equal("application/problem+json", invoice.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.OK, outbox.StatusCode);
        var messages = await outbox.JsonAsync();
        Assert.Equal(JsonValueKind.Array, messages.ValueKind);
        Assert.Equal(0, messages.GetArrayLength());
    }
}
