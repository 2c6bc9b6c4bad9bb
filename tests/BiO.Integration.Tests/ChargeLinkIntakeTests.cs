using System.Net;
using System.Text;
using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>NotifyBillingMasterData (D07) charge links through the intake to the metering points, on the embedded default.</summary>
[Trait("Category", "EndToEnd")]
public class ChargeLinkIntakeTests
{
    private static readonly Instant NewYear2025 = Instant.FromUtc(2024, 12, 31, 23, 0);

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) =>
        http.PostAsync(new Uri("/market/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/xml"));

    [Fact]
    public async Task Charge_links_reach_their_metering_points_and_a_document_breaking_a_rule_changes_nothing()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "cl-" + Guid.NewGuid().ToString("N")[..8],
            ["BiO:MarketIntake:GridAreaPriceAreas:344"] = "DK1",
        });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        foreach (var gsrn in new[] { "571313000000002000", "571313000000002017" })
        {
            var known = await PostAsync(http, BiO.Testing.AccountingPoint.Xml("e07-" + gsrn, gsrn, NewYear2025 - Duration.FromDays(365)));
            Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        }

        var fixture = File.ReadAllText(Path.Combine(Services.RepoRoot(), "tests", "BiO.Market.Tests", "Fixtures", "Charges", "d07-links.xml"));
        var parent = silo.Client.GetGrain<IMeteringPointGrain>("571313000000002000");
        var year = new Interval(NewYear2025, NewYear2025 + Duration.FromDays(365));

        // Our fixture's second record breaks rules (factor 0, a termination before the start): the whole document is refused.
        var refused = await PostAsync(http, fixture);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("REC-LINK-2", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await parent.GetChargeLinksAsync(year));

        var corrected = fixture
            .Replace("BIO-D07-1", "BIO-D07-2", StringComparison.Ordinal)
            .Replace("EA-001-LEGACY", "EA-001", StringComparison.Ordinal)
            .Replace("<cim:factor>0</cim:factor>", "<cim:factor>1</cim:factor>", StringComparison.Ordinal)
            .Replace("<cim:effectiveDate>2025-01-01T00:00:00Z</cim:effectiveDate>", "<cim:effectiveDate>2024-12-31T23:00:00Z</cim:effectiveDate>", StringComparison.Ordinal)
            .Replace("<cim:terminationDate>2024-12-31T23:00:00Z</cim:terminationDate>", "<cim:terminationDate>2025-12-31T23:00:00Z</cim:terminationDate>", StringComparison.Ordinal);
        var accepted = await PostAsync(http, corrected);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());

        var links = await parent.GetChargeLinksAsync(year);
        Assert.Equal(
            [new ChargeLinkNotice("5790000610976", "D01", "SUB-01", 2, NewYear2025, Instant.FromUtc(2025, 6, 30, 22, 0)),
             new ChargeLinkNotice("5790000610976", "D03", "40000", 1, NewYear2025, null)],
            links);
        var july = new Interval(Instant.FromUtc(2025, 6, 30, 22, 0), Instant.FromUtc(2025, 7, 31, 22, 0));
        Assert.Equal(["40000"], (await parent.GetChargeLinksAsync(july)).Select(l => l.Code));
        Assert.Equal(["EA-001"], (await silo.Client.GetGrain<IMeteringPointGrain>("571313000000002017").GetChargeLinksAsync(year)).Select(l => l.Code));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, corrected)).StatusCode);
    }
}
