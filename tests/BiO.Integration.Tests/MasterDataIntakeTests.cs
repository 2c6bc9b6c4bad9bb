using System.Net;
using System.Text;
using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>AccountingPointCharacteristics (E07) through the intake to the metering points, on the embedded default.</summary>
[Trait("Category", "EndToEnd")]
public class MasterDataIntakeTests
{
    private static readonly Instant April2025 = Instant.FromUtc(2025, 3, 31, 22, 0);

    private static string Fixture() =>
        File.ReadAllText(Path.Combine(Services.RepoRoot(), "tests", "BiO.Market.Tests", "Fixtures", "MeteringPoints", "e07-characteristics.xml"));

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) =>
        http.PostAsync(new Uri("/market/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/xml"));

    [Fact]
    public async Task Master_data_needs_the_price_area_of_its_grid_area_and_then_reaches_the_metering_point()
    {
        var clusterId = "md-" + Guid.NewGuid().ToString("N")[..8];
        await using (var silo = await Host.SiloAsync(new Dictionary<string, string?> { ["BiO:ClusterId"] = clusterId }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
            var refused = await PostAsync(http, Fixture());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("No price area is known for grid area 344", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(await silo.Client.GetGrain<IMeteringPointGrain>("571313000000002000").GetMasterDataAsync(April2025));
        }

        await using (var silo = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = clusterId,
            ["BiO:MarketIntake:GridAreaPriceAreas:344"] = "DK1",
        }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
            var accepted = await PostAsync(http, Fixture());
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());

            var point = silo.Client.GetGrain<IMeteringPointGrain>("571313000000002000");
            Assert.Null(await point.GetMasterDataAsync(April2025 - Duration.FromSeconds(1)));
            var master = await point.GetMasterDataAsync(April2025 + Duration.FromDays(10));
            Assert.NotNull(master);
            Assert.Equal(("E17", "E02", "344", "DK1"), (master.Type, master.SettlementMethod, master.GridArea, master.PriceArea));
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Fixture())).StatusCode);
        }
    }
}
