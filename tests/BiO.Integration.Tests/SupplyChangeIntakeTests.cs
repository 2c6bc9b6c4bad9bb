using System.Net;
using System.Text;
using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>RequestChangeOfSupplier (392) and DataHub's answers through the intake to the metering points' supply periods.</summary>
[Trait("Category", "EndToEnd")]
public class SupplyChangeIntakeTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Services.RepoRoot(), "tests", "BiO.Market.Tests", "Fixtures", "Supply", name));

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string name) =>
        http.PostAsync(new Uri("/market/documents", UriKind.Relative), new StringContent(Fixture(name), Encoding.UTF8, "application/" + Path.GetExtension(name)[1..]));

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_confirmed_request_opens_supply_and_a_rejected_one_is_listed_with_its_reasons(string form)
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?> { ["BiO:ClusterId"] = "sc-" + Guid.NewGuid().ToString("N")[..8] });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };

        foreach (var name in new[] { "confirm-e03", "request-e03", "reject-e03" }.Select(n => $"{n}.{form}")) // an answer may come first
        {
            var response = await PostAsync(http, name);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{name}: {await response.Content.ReadAsStringAsync()}");
        }

        var confirmed = await silo.Client.GetGrain<IMeteringPointGrain>("571313000000002000").GetSupplyAsync();
        Assert.Equal([new SupplyPeriodView(Instant.FromUtc(2025, 3, 31, 22, 0), null)], confirmed.Periods);
        var rejected = await silo.Client.GetGrain<IMeteringPointGrain>("571313000000002017").GetSupplyAsync();
        Assert.Empty(rejected.Periods);
        Assert.Equal("BIO-COS-TX-2", Assert.Single(rejected.Rejected).RequestTransactionId);
        Assert.NotEmpty(rejected.Rejected[0].Reasons);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, $"request-e03.{form}")).StatusCode);
    }
}
