using System.Net;
using System.Text;
using BiO.Grains.Spot;
using BiO.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>Energi Data Service's DayAheadPrices to the spot price grains: by POST, from the inbox folder, and fetched from an API.</summary>
[Trait("Category", "EndToEnd")]
public class SpotPriceIntakeTests
{
    private static readonly LocalDate FallBack = new(2026, 10, 25); // 100 quarter-hours

    private static Dictionary<string, string?> Embedded(string prefix) => new() { ["BiO:ClusterId"] = prefix + Guid.NewGuid().ToString("N")[..8] };

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) =>
        http.PostAsync(new Uri("/market/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Posted_prices_reach_one_grain_per_area_and_local_day_once_and_bad_ones_are_refused_naming_the_place()
    {
        await using var silo = await Host.SiloAsync(Embedded("spot-"));
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        var answer = DayAheadPricesJson.Answer(["DK1", "DK2", "SE3"], [FallBack, FallBack.PlusDays(1)], i => 400m + i);

        var accepted = await PostAsync(http, answer);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Contains("\"transactions\":4", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, answer)).StatusCode); // the same answer again: a duplicate

        var dk2 = await silo.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK2", FallBack)).GetAsync();
        Assert.Equal(100, dk2.Prices.Count);
        Assert.Equal(0.4m, dk2.Prices[0].Price); // 400 DKK/MWh = 0.4 DKK/kWh
        Assert.Equal(0.499m, dk2.Prices[99].Price);
        Assert.Equal(96, (await silo.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK1", FallBack.PlusDays(1))).GetAsync()).Prices.Count);

        var unreadable = await PostAsync(http, answer.Replace("\"DayAheadPriceDKK\":400}", "\"DayAheadPriceDKK\":\"dear\"}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("$.records[0].DayAheadPriceDKK", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_dropped_in_the_inbox_are_taken_in_and_moved_by_their_outcome()
    {
        var inbox = Directory.CreateTempSubdirectory("bio-inbox-");
        try
        {
            var settings = Embedded("inbox-");
            settings["BiO:MarketIntake:Inbox"] = inbox.FullName;
            settings["BiO:MarketIntake:InboxPollPeriod"] = "00:00:00.200";
            await using var silo = await Host.SiloAsync(settings);
            var answer = DayAheadPricesJson.Answer(["DK1"], [FallBack], _ => 512.5m);
            // As a sender should: written under another name, then renamed into the inbox.
            async Task DropAsync(string name, string content)
            {
                var writing = Path.Combine(inbox.FullName, name + ".part");
                await File.WriteAllTextAsync(writing, content);
                File.Move(writing, Path.Combine(inbox.FullName, name));
            }

            await DropAsync("1-spot.json", answer);
            await DropAsync("2-spot-again.json", answer);
            await DropAsync("3-broken.xml", "<not closed");
            await DropAsync("notes.txt", "not a document");

            await Eventually.AssertAsync(() => Task.FromResult(inbox.GetFiles("*.*ml").Length + inbox.GetFiles("*.json").Length == 0),
                TimeSpan.FromSeconds(20), "the inbox should be emptied of documents");
            Assert.True(File.Exists(Path.Combine(inbox.FullName, "accepted", "1-spot.json")));
            Assert.True(File.Exists(Path.Combine(inbox.FullName, "duplicate", "2-spot-again.json")));
            Assert.True(File.Exists(Path.Combine(inbox.FullName, "rejected", "3-broken.xml")));
            Assert.Contains("line 1", await File.ReadAllTextAsync(Path.Combine(inbox.FullName, "rejected", "3-broken.xml.reasons.txt")), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(inbox.FullName, "notes.txt")));
            var prices = await silo.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK1", FallBack)).GetAsync();
            Assert.All(prices.Prices, p => Assert.Equal(0.5125m, p.Price));
        }
        finally
        {
            inbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_adapter_fetches_spot_prices_from_the_API_it_is_given()
    {
        string? asked = null;
        var builder = WebApplication.CreateSlimBuilder();
        var url = $"http://127.0.0.1:{Host.FreePort()}";
        builder.WebHost.UseSetting("urls", url);
        await using var api = builder.Build();
        api.MapGet("/dataset/DayAheadPrices", (HttpRequest request) =>
        {
            asked = request.QueryString.Value;
            var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Copenhagen"]).Date;
            return Results.Text(DayAheadPricesJson.Answer(["DK1", "DK2"], [today], _ => 250m), "application/json");
        });
        await api.StartAsync();

        var settings = Embedded("fetch-");
        settings["BiO:MarketIntake:SpotPriceApi"] = url + "/dataset/DayAheadPrices";
        await using var silo = await Host.SiloAsync(settings);
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Copenhagen"]).Date;
        var grain = silo.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK2", today));
        await Eventually.AssertAsync(async () => (await grain.GetAsync()).Prices.Count > 0, TimeSpan.FromSeconds(20), "the fetched prices should reach DK2 today");
        Assert.Contains("filter=%7B%22PriceArea%22%3A%5B%22DK1%22%2C%22DK2%22%5D%7D", asked, StringComparison.Ordinal);
        Assert.Contains($"start={today.PlusDays(-1):yyyy-MM-dd}", asked, StringComparison.Ordinal);
    }
}
