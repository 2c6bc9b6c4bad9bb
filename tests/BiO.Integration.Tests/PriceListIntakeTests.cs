using System.Net;
using System.Text;
using BiO.Grains.Charges;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>NotifyPriceList (D12) documents through the intake to the charge grains, on the embedded default.</summary>
[Trait("Category", "EndToEnd")]
public class PriceListIntakeTests
{
    private const string GridOwner = "5790000610976";
    private static readonly Instant NewYear = Instant.FromUtc(2024, 12, 31, 23, 0);

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Services.RepoRoot(), "tests", "BiO.Market.Tests", "Fixtures", "Charges", name));

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string mediaType) =>
        http.PostAsync(new Uri("/market/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

    [Fact]
    public async Task Charge_information_and_prices_reach_their_charge_grains_and_a_rule_break_is_refused_whole()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?> { ["BiO:ClusterId"] = "pl-" + Guid.NewGuid().ToString("N")[..8] });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        var information = Fixture("d18-information.json");

        // Our fixture carries a legacy 13-character charge code: the whole document is refused, naming the rule.
        var refused = await PostAsync(http, information, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'EA-001-LEGACY' has 13 characters", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tariff = silo.Client.GetGrain<IChargeGrain>(ChargeKeys.Of(GridOwner, "D03", "40000"));
        Assert.Null((await tariff.GetPricesAsync(new ChargePriceQuery(new Interval(NewYear, NewYear + Duration.FromDays(1))))).Definition);

        // Corrected (new mRID, code within 10 characters), it is taken in; then the prices.
        var corrected = information.Replace("BIO-D12-INFO-1", "BIO-D12-INFO-2", StringComparison.Ordinal).Replace("EA-001-LEGACY", "EA-001", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, corrected, "application/json")).StatusCode);
        var prices = await PostAsync(http, Fixture("d08-prices.xml"), "application/xml");
        Assert.True(prices.StatusCode == HttpStatusCode.Accepted, await prices.Content.ReadAsStringAsync());

        var day = await tariff.GetPricesAsync(new ChargePriceQuery(new Interval(NewYear, NewYear + Duration.FromDays(1))));
        Assert.Equal("Nettarif C time", day.Definition!.Name);
        Assert.Equal("PT1H", day.Definition.Resolution);
        Assert.Equal(24, day.Prices.Count);
        Assert.Equal((NewYear, 0.108312m), (day.Prices[0].From, day.Prices[0].Price));
        Assert.NotNull(day.Prices[0].ReceivedAt); // each price with its version
        Assert.Equal(NewYear + Duration.FromHours(23), day.Prices[^1].From);

        // The same prices document again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Fixture("d08-prices.xml"), "application/xml")).StatusCode);
    }
}
