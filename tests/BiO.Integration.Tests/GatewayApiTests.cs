using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BiO.Integration.Tests;

/// <summary>The gateway API on the embedded silo against the real grains: define, read back, bill.</summary>
[Trait("Category", "EndToEnd")]
public class GatewayApiTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private const string Gsrn = "571313000000006001";

    private HttpClient Http => silo.Http;

    private static string Id(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Unknown_things_are_404_problems_naming_them()
    {
        var account = await Http.GetAsync(GatewayCalls.Path("/api/accounts/nobody"));
        var invoices = await Http.GetAsync(GatewayCalls.Path("/api/accounts/nobody/invoices"));
        var contract = await Http.GetAsync(GatewayCalls.Path("/api/contracts/none"));
        var priceList = await Http.GetAsync(GatewayCalls.Path("/api/price-lists/none"));
        var run = await Http.GetAsync(GatewayCalls.Path("/api/bill-runs/never"));
        var payer = await Http.PutJsonAsync($"/api/metering-points/{Gsrn}/payer", new { accountId = "nobody", from = "2026-03-01" });

        foreach (var response in new[] { account, invoices, contract, priceList, run, payer })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("nobody", (await account.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("nobody", (await payer.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credit_note_needs_an_idempotency_key_a_known_account_and_something_to_settle()
    {
        var id = Id("acc");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/accounts/{id}", new { name = "Jens Hansen", invoiceSeries = "A" })).StatusCode);

        var noKey = await Http.PostAsync(GatewayCalls.Path($"/api/accounts/{id}/credit-notes"), null);
        using var unknown = new HttpRequestMessage(HttpMethod.Post, GatewayCalls.Path("/api/accounts/nobody/credit-notes"));
        unknown.Headers.Add("Idempotency-Key", "credit-nobody");
        var nobody = await Http.SendAsync(unknown);
        using var nothing = new HttpRequestMessage(HttpMethod.Post, GatewayCalls.Path($"/api/accounts/{id}/credit-notes"));
        nothing.Headers.Add("Idempotency-Key", "credit-" + id);
        var empty = await Http.SendAsync(nothing);
        var pending = await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{id}/corrections"));

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal(["Idempotency-Key"], GatewayCalls.ErrorFields(await noKey.JsonAsync()));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        Assert.Contains("no corrections", (await empty.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await pending.JsonAsync()).GetArrayLength());
        Assert.Empty((await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{id}/invoices"))).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task An_account_is_defined_once_per_request_and_listed_in_pages()
    {
        var id = Id("acc");
        using var first = new HttpRequestMessage(HttpMethod.Put, GatewayCalls.Path($"/api/accounts/{id}")) { Content = JsonContent.Create(new { name = "Jens Hansen", invoiceSeries = "A" }) };
        first.Headers.Add("Idempotency-Key", "define-" + id);
        using var again = new HttpRequestMessage(HttpMethod.Put, GatewayCalls.Path($"/api/accounts/{id}")) { Content = JsonContent.Create(new { name = "Someone else", invoiceSeries = "A" }) };
        again.Headers.Add("Idempotency-Key", "define-" + id);

        var defined = await Http.SendAsync(first);
        var repeated = await Http.SendAsync(again);
        var renamed = await Http.PutJsonAsync($"/api/accounts/{id}", new { name = "Jens Hansen Jr.", invoiceSeries = "A" });

        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        Assert.Equal("Jens Hansen", (await defined.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal("Jens Hansen", (await repeated.JsonAsync()).GetProperty("name").GetString()); // the same request changes nothing
        Assert.Equal("Jens Hansen Jr.", (await renamed.JsonAsync()).GetProperty("name").GetString());
        var read = await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{id}"))).JsonAsync();
        Assert.Equal(id, read.GetProperty("accountId").GetString());
        Assert.Equal("Jens Hansen Jr.", read.GetProperty("name").GetString());
        Assert.Equal("A", read.GetProperty("invoiceSeries").GetString());

        var all = await (await Http.GetAsync(GatewayCalls.Path("/api/accounts?limit=1000"))).JsonAsync();
        Assert.Contains(id, all.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        var total = all.GetProperty("total").GetInt32();
        var firstPage = await (await Http.GetAsync(GatewayCalls.Path("/api/accounts?offset=0&limit=1"))).JsonAsync();
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(total, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("items")[0].GetString(), firstPage.GetProperty("items")[0].GetString());
    }

    [Fact]
    public async Task A_price_list_a_contract_and_a_payer_are_read_back_as_defined()
    {
        var holder = Id("holder");
        var payer = Id("payer");
        var product = Id("el");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/accounts/{holder}", new { name = "Holder", invoiceSeries = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/accounts/{payer}", new { name = "Payer", invoiceSeries = "B" })).StatusCode);

        var priceList = await Http.PutJsonAsync($"/api/price-lists/{product}", new
        {
            versions = new[]
            {
                new
                {
                    effectiveFrom = "2026-01-01", markup = 0.125m, monthlySubscription = 29m,
                    windows = new[] { new { name = "peak", months = new[] { 1, 2, 3, 10, 11, 12 }, from = "17:00", to = "21:00", price = 0.35m } },
                },
            },
        });
        Assert.Equal(HttpStatusCode.OK, priceList.StatusCode);
        var list = await (await Http.GetAsync(GatewayCalls.Path($"/api/price-lists/{product}"))).JsonAsync();
        var version = list.GetProperty("versions")[0];
        Assert.Equal("2026-01-01", version.GetProperty("effectiveFrom").GetString());
        Assert.Equal(0.125m, version.GetProperty("markup").GetDecimal());
        Assert.Equal(29m, version.GetProperty("monthlySubscription").GetDecimal());
        var window = version.GetProperty("windows")[0];
        Assert.Equal(("17:00", "21:00", 0.35m), (window.GetProperty("from").GetString(), window.GetProperty("to").GetString(), window.GetProperty("price").GetDecimal()));
        Assert.EndsWith("Z", list.GetProperty("changedAt").GetString(), StringComparison.Ordinal);

        var contractId = Id("con");
        var contract = await Http.PutJsonAsync($"/api/contracts/{contractId}", new
        {
            accountId = holder, productCode = product, kind = "electricity", start = "2026-03-01", meteringPoint = Gsrn + " ",
        });
        Assert.Equal(HttpStatusCode.OK, contract.StatusCode);
        var read = await (await Http.GetAsync(GatewayCalls.Path($"/api/contracts/{contractId}"))).JsonAsync();
        Assert.Equal((holder, "Electricity", "2026-03-01", Gsrn), (read.GetProperty("accountId").GetString(), read.GetProperty("kind").GetString(),
            read.GetProperty("start").GetString(), read.GetProperty("meteringPoint").GetString()));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("end").ValueKind);

        var assigned = await Http.PutJsonAsync($"/api/metering-points/{Gsrn}/payer", new { accountId = payer, from = "2026-04-01" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("2026-04-01", (await assigned.JsonAsync()).GetProperty("from").GetString());

        var holderView = await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{holder}"))).JsonAsync();
        Assert.Equal([contractId], holderView.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("contractId").GetString()).ToList());
        var payerView = await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{payer}"))).JsonAsync();
        Assert.Equal([Gsrn], payerView.GetProperty("paysFor").EnumerateArray().Select(p => p.GetString()).ToList());
        var requests = await Http.GetAsync(GatewayCalls.Path($"/api/metering-points/{Gsrn}/requests"));
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await requests.JsonAsync()).ValueKind);
    }

    [Fact]
    public async Task A_refusal_of_a_grain_is_400_with_its_text()
    {
        var response = await Http.PutJsonAsync($"/api/contracts/{Id("con")}", new { accountId = "ghost", productCode = "bb", kind = "Broadband", start = "2026-03-01", monthlyFee = 299m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("account ghost does not exist", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bill_run_is_started_followed_and_its_invoice_read_with_lines_and_VAT()
    {
        var account = Id("bb");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/accounts/{account}", new { name = "Broadband customer", invoiceSeries = "BB" })).StatusCode);
        var contractId = Id("con-bb");
        Assert.Equal(HttpStatusCode.OK, (await Http.PutJsonAsync($"/api/contracts/{contractId}", new
        {
            accountId = account, productCode = "bb-500", kind = "Broadband", start = "2026-01-01", monthlyFee = 299m,
        })).StatusCode);

        var started = await Http.PostAsync(GatewayCalls.Path("/api/bill-runs"), JsonContent.Create(new { month = "2026-03" }));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.Matches("^/api/bill-runs/run-2026-03-[0-9a-f]{8}$", location);
        var run = await started.JsonAsync();
        Assert.Equal("2026-03", run.GetProperty("month").GetString());
        Assert.Equal(location, "/api/bill-runs/" + run.GetProperty("runId").GetString());
        Assert.True(run.GetProperty("total").GetInt32() >= 1);

        await Eventually.AssertAsync(async () =>
            {
                var settled = await (await Http.GetAsync(GatewayCalls.Path(location + "?accounts=settled&limit=1000"))).JsonAsync();
                return settled.GetProperty("accounts").GetProperty("items").EnumerateArray().Any(a => a.GetProperty("accountId").GetString() == account);
            },
            TimeSpan.FromSeconds(30), $"account {account} should be settled by the run");

        var all = await (await Http.GetAsync(GatewayCalls.Path(location + "?accounts=all"))).JsonAsync();
        Assert.Equal(all.GetProperty("total").GetInt32(), all.GetProperty("accounts").GetProperty("total").GetInt32());
        var progress = await (await Http.GetAsync(GatewayCalls.Path(location))).JsonAsync();
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("accounts").ValueKind);
        Assert.True(progress.GetProperty("settled").GetInt32() >= 1);

        var invoices = await (await Http.GetAsync(GatewayCalls.Path($"/api/accounts/{account}/invoices"))).JsonAsync();
        var summary = Assert.Single(invoices.EnumerateArray());
        Assert.Equal(("BB", "2026-03-01", "2026-03-31"), (summary.GetProperty("series").GetString(), summary.GetProperty("periodStart").GetString(), summary.GetProperty("periodEnd").GetString()));
        var invoice = await (await Http.GetAsync(GatewayCalls.Path($"/api/invoices/BB/{summary.GetProperty("number").GetInt64()}"))).JsonAsync();
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(contractId, line.GetProperty("contractId").GetString());
        var vat = Assert.Single(invoice.GetProperty("vat").EnumerateArray());
        Assert.Equal(25m, vat.GetProperty("vatPercent").GetDecimal());
        var excluding = invoice.GetProperty("totalExcludingVat").GetDecimal();
        Assert.InRange(excluding, 298.99m, 299.01m); // a full month of a 299 DKK monthly fee
        Assert.Equal(excluding, vat.GetProperty("taxable").GetDecimal());
        Assert.Equal(excluding + invoice.GetProperty("totalVat").GetDecimal(), invoice.GetProperty("total").GetDecimal());

        var repeated = await Http.PostAsync(GatewayCalls.Path("/api/bill-runs"), JsonContent.Create(new { month = "2026-03", runId = run.GetProperty("runId").GetString() }));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var otherMonth = await Http.PostAsync(GatewayCalls.Path("/api/bill-runs"), JsonContent.Create(new { month = "2026-04", runId = run.GetProperty("runId").GetString() }));
        Assert.Equal(HttpStatusCode.BadRequest, otherMonth.StatusCode);
        var outbox = await (await Http.GetAsync(GatewayCalls.Path("/api/outbox?kind=invoice-issued"))).JsonAsync();
        Assert.Contains(outbox.EnumerateArray(), m => m.GetProperty("payload").GetString()!.Contains(account, StringComparison.Ordinal));
    }
}
