using System.Text;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Cim;
using BiO.Market.Spot;
using NodaTime;

namespace BiO.Market.Tests;

public class DayAheadPricesTests
{
    private static readonly Instant Received = Instant.FromUtc(2025, 10, 1, 12, 0);

    private static IReadOnlyList<DayAheadPrice> Read(string json) => DayAheadPricesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Record(string timeUtc, string area, string dkk) =>
        $"{{\"TimeUTC\":\"{timeUtc}\",\"TimeDK\":\"x\",\"PriceArea\":\"{area}\",\"DayAheadPriceEUR\":1.5,\"DayAheadPriceDKK\":{dkk}}}";

    [Fact]
    public void The_api_answer_is_read_keeping_DK1_and_DK2_and_converted_to_DKK_per_kWh_rounded_at_six_decimals()
    {
        var prices = Read($$"""{"total":4,"dataset":"DayAheadPrices","records":[{{Record("2025-10-01T00:15:00", "DK1", "702.67776")}},{{Record("2025-10-01T00:00:00", "DK1", "-314.5405")}},{{Record("2025-10-01T00:00:00", "DE", "500")}},{{Record("2025-10-01T00:00:00", "DK2", "400.0000005")}}]}""");

        Assert.Equal(3, prices.Count);
        var dk1 = DayAheadPricesReader.ToSpotPrices(prices, PriceArea.DK1, Received);
        Assert.Equal(Resolution.QuarterHour, dk1.Resolution);
        var table = dk1.Prices.AsKnownAt(Received);
        Assert.True(table.TryExact(Instant.FromUtc(2025, 10, 1, 0, 15), out var first));
        Assert.Equal(0.702678m, first.Price.Value); // 0.70267776 half away from zero
        Assert.True(table.TryExact(Instant.FromUtc(2025, 10, 1, 0, 0), out var negative));
        Assert.Equal(-0.314541m, negative.Price.Value); // -0.3145405 away from zero
        var dk2 = DayAheadPricesReader.ToSpotPrices(prices, PriceArea.DK2, Received).Prices.AsKnownAt(Received);
        Assert.True(dk2.TryExact(Instant.FromUtc(2025, 10, 1, 0, 0), out var dk2Price));
        Assert.Equal(0.4m, dk2Price.Price.Value);
    }

    [Fact]
    public void A_plain_array_of_hourly_records_gives_hourly_prices()
    {
        var prices = Read($"[{Record("2025-09-30T21:00:00", "DK2", "300")},{Record("2025-09-30T22:00:00", "DK2", "310")}]");
        Assert.Equal(Resolution.Hour, DayAheadPricesReader.ToSpotPrices(prices, PriceArea.DK2, Received).Resolution);
    }

    [Theory]
    [InlineData("{\"records\":[{\"TimeUTC\":\"2025-10-01 00:00\",\"PriceArea\":\"DK1\",\"DayAheadPriceDKK\":1}]}", "$.records[0].TimeUTC")]
    [InlineData("{\"records\":[{\"TimeUTC\":\"2025-10-01T00:00:00\",\"PriceArea\":\"DK1\",\"DayAheadPriceDKK\":null}]}", "$.records[0].DayAheadPriceDKK")]
    [InlineData("[{\"TimeUTC\":\"2025-10-01T00:00:00\",\"DayAheadPriceDKK\":1}]", "$[0].PriceArea")]
    [InlineData("{\"total\":0}", "at $:")]
    [InlineData("{\"records\":[", "line 1")]
    public void Malformed_input_is_refused_naming_the_place(string json, string place)
    {
        var error = Assert.Throws<DocumentReadException>(() => Read(json));
        Assert.Contains(place, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uneven_spacing_or_no_prices_for_the_area_are_refused()
    {
        var uneven = Read($"[{Record("2025-10-01T00:00:00", "DK1", "1")},{Record("2025-10-01T00:15:00", "DK1", "1")},{Record("2025-10-01T01:15:00", "DK1", "1")}]");
        Assert.Contains("60 min", Assert.Throws<ArgumentException>(() => DayAheadPricesReader.ToSpotPrices(uneven, PriceArea.DK1, Received)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DayAheadPricesReader.ToSpotPrices(uneven, PriceArea.DK2, Received));
    }
}
