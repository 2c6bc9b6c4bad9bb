using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BiO.Integration.Tests;

/// <summary>Consultancy hours through the gateway: a month's quantity registered, listed, invoiced by a bill run; bad requests refused.</summary>
[Trait("Category", "EndToEnd")]
public class GatewayQuantityTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private HttpClient Http => silo.Http;

    private static string Id(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<HttpResponseMessage> PutQuantityAsync(string contractId, string month, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, GatewayCalls.Path($"/api/contracts/{contractId}/quantities/{month}")) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return Http.SendAsync(request);
    }

    private async Task<string> ConsultancyAsync(string account, string start = "2026-01-01")
    {
        var contractId = Id("con-hours");
        var defined = await Http.PutJsonAsync($"/api/contracts/{contractId}", new
        {
            accountId = account, productCode = "consult", kind = "Consultancy", start, unitPrice = 950.5m, unit = "hour",
        });
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        return contractId;
    }

    private async Task<string> AccountAsync(string series)
    {
        var account = Id("acc-hours");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/accounts/{account}", new { name = "Rådgivning ApS", invoiceSeries = series })).StatusCode);
        return account;
    }

    [Fact]
    public async Task Hours_registered_for_a_month_are_listed_and_invoiced_by_the_bill_run_as_quantity_times_price()
    {
        var account = await AccountAsync("HRS");
        var contractId = await ConsultancyAsync(account);

        var first = await PutQuantityAsync(contractId, "2026-03", new { quantity = 12.5m }, "hours-1");
        var replaced = await PutQuantityAsync(contractId, "2026-03", new { quantity = 14.25m }, "hours-2");
        var replay = await PutQuantityAsync(contractId, "2026-03", new { quantity = 12.5m }, "hours-1");
        var reused = await PutQuantityAsync(contractId, "2026-03", new { quantity = 13m }, "hours-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var registered = await first.JsonAsync();
        Assert.Equal("Registered", registered.GetProperty("outcome").GetString());
        var current = registered.GetProperty("current");
        Assert.Equal((contractId, "2026-03", 12.5m, "hour", "hours-1"), (current.GetProperty("contractId").GetString(), current.GetProperty("month").GetString(),
            current.GetProperty("quantity").GetDecimal(), current.GetProperty("unit").GetString(), current.GetProperty("requestId").GetString()));
        Assert.Equal("Replaced", (await replaced.JsonAsync()).GetProperty("outcome").GetString());
        var again = await replay.JsonAsync();
        Assert.Equal(("Unchanged", 14.25m), (again.GetProperty("outcome").GetString(), again.GetProperty("current").GetProperty("quantity").GetDecimal()));
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("hours-1", (await reused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var listed = await (await Http.GetAsync(GatewayCalls.Path($"/api/contracts/{contractId}/quantities"))).JsonAsync();
        var month = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("2026-03", 14.25m, "hours-2"), (month.GetProperty("month").GetString(), month.GetProperty("quantity").GetDecimal(), month.GetProperty("requestId").GetString()));

        var started = await Http.PostAsync(GatewayCalls.Path("/api/bill-runs"), JsonContent.Create(new { month = "2026-03" }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        await Eventually.AssertAsync(async () =>
            {
                var settled = await (await Http.GetAsync(GatewayCalls.Path(location + "?accounts=settled&limit=1000"))).JsonAsync();
                return settled.GetProperty("accounts").GetProperty("items").EnumerateArray().Any(a => a.GetProperty("accountId").GetString() == account);
            },
            TimeSpan.FromSeconds(30), $"account {account} should be settled by the run");

        var summary = Assert.Single((await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{account}/invoices"))).JsonAsync()).EnumerateArray());
        var invoice = await (await Http.GetAsync(GatewayCalls.Path($"/api/invoices/HRS/{summary.GetProperty("number").GetInt64()}"))).JsonAsync();
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        var amount = decimal.Round(14.25m * 950.5m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((contractId, 14.25m, amount), (line.GetProperty("contractId").GetString(), line.GetProperty("quantity").GetDecimal(), line.GetProperty("amount").GetDecimal()));
        Assert.Equal(amount + decimal.Round(amount * 0.25m, 2, MidpointRounding.AwayFromZero), invoice.GetProperty("total").GetDecimal());

        var late = await PutQuantityAsync(contractId, "2026-03", new { quantity = 15m }, "hours-3");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("is invoiced", (await late.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_key_month_or_quantity_is_400_naming_the_field_and_an_unknown_contract_is_404()
    {
        var account = await AccountAsync("HRS-BAD");
        var contractId = await ConsultancyAsync(account, start: "2026-03-01");

        var noKey = await PutQuantityAsync(contractId, "2026-03", new { quantity = 1m }, null);
        var badMonth = await PutQuantityAsync(contractId, "March", new { quantity = 1m }, "k-1");
        var negative = await PutQuantityAsync(contractId, "2026-03", new { quantity = -1m }, "k-2");
        var decimals = await PutQuantityAsync(contractId, "2026-03", new { quantity = 1.2345m }, "k-3");
        var missing = await PutQuantityAsync(contractId, "2026-03", new { }, "k-4");
        var text = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, GatewayCalls.Path($"/api/contracts/{contractId}/quantities/2026-03"))
        {
            Content = new StringContent("""{"quantity": "many"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "k-5" } },
        });

        Assert.Equal(["Idempotency-Key"], GatewayCalls.ErrorFields(await noKey.JsonAsync()));
        Assert.Equal(["month"], GatewayCalls.ErrorFields(await badMonth.JsonAsync()));
        Assert.Equal(["quantity"], GatewayCalls.ErrorFields(await negative.JsonAsync()));
        Assert.Contains("negative", (await negative.JsonAsync()).GetProperty("errors").GetProperty("quantity")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("3 decimals", (await decimals.JsonAsync()).GetProperty("errors").GetProperty("quantity")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["quantity"], GatewayCalls.ErrorFields(await missing.JsonAsync()));
        Assert.Contains("$.quantity", (await text.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var response in new[] { noKey, badMonth, negative, decimals, missing, text })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The contract starts in March: February is not covered. A fixed fee takes no quantity.
        var outside = await PutQuantityAsync(contractId, "2026-02", new { quantity = 1m }, "k-6");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("does not cover 2026-02", (await outside.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var broadband = Id("con-bb");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/contracts/{broadband}", new
        {
            accountId = account, productCode = "bb-500", kind = "Broadband", start = "2026-01-01", monthlyFee = 299m,
        })).StatusCode);
        var fee = await PutQuantityAsync(broadband, "2026-03", new { quantity = 1m }, "k-7");
        Assert.Equal(HttpStatusCode.BadRequest, fee.StatusCode);
        Assert.Contains("not priced per unit", (await fee.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var unknownPut = await PutQuantityAsync("no-such-contract", "2026-03", new { quantity = 1m }, "k-8");
        var unknownGet = await Http.GetAsync(GatewayCalls.Path("/api/contracts/no-such-contract/quantities"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownPut.StatusCode, unknownGet.StatusCode));
        Assert.Contains("no-such-contract", (await unknownGet.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await (await Http.GetAsync(GatewayCalls.Path($"/api/contracts/{contractId}/quantities"))).JsonAsync()).ValueKind);
    }
}
