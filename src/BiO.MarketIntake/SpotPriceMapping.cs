using System.Security.Cryptography;
using BiO.Domain.Prices;
using BiO.Grains.Spot;
using BiO.Market.Spot;
using NodaTime;

namespace BiO.MarketIntake;

/// <summary>Energi Data Service DayAheadPrices to the spot price grains: one notice per price area and local day.</summary>
public static class SpotPriceMapping
{
    /// <summary>
    /// DayAheadPrices carry no document id: BiO names them by their content, so the same file or answer again is a
    /// duplicate ("DayAheadPrices-" and the first 16 hex digits of the SHA-256 of the body).
    /// </summary>
    public static string DocumentId(ReadOnlySpan<byte> body) => "DayAheadPrices-" + Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <exception cref="ArgumentException">No prices, uneven spacing or a price twice (the domain's checks); says where.</exception>
    public static IReadOnlyList<SpotPricesReceived> ToDays(string documentId, IReadOnlyList<DayAheadPrice> prices, Instant receivedAt)
    {
        if (prices.Count == 0)
        {
            throw new ArgumentException("The document holds no DK1 or DK2 prices.", nameof(prices));
        }

        return prices.Select(p => p.Area).Distinct().Order()
            .SelectMany(area =>
            {
                var spot = DayAheadPricesReader.ToSpotPrices(prices, area, receivedAt);
                return spot.ByDay().Select(day => new SpotPricesReceived(
                    documentId, area.ToString(), day.Day, spot.Resolution.Code, receivedAt,
                    day.Prices.Select(p => new SpotPrice(p.Time, p.Price.Value, receivedAt)).ToList()));
            })
            .ToList();
    }
}
