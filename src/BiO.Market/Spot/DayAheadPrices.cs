using System.Globalization;
using System.Text.Json;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Cim;
using NodaTime;
using NodaTime.Text;

namespace BiO.Market.Spot;

/// <summary>A day-ahead spot price as Energi Data Service publishes it: interval start (UTC), price area, DKK per MWh.</summary>
public readonly record struct DayAheadPrice(Instant Start, PriceArea Area, decimal DkkPerMWh);

/// <summary>
/// Reads Energi Data Service's DayAheadPrices dataset (its API answer <c>{"records":[...]}</c>, or a plain array of
/// records): <c>TimeUTC</c>, <c>PriceArea</c>, <c>DayAheadPriceDKK</c> (per MWh). Records of other areas than DK1/DK2
/// (DE, NO2, SE3, ...) are skipped. Errors name the place (<c>$.records[3].TimeUTC</c>) and what is wrong.
/// </summary>
public static class DayAheadPricesReader
{
    private const string Name = "DayAheadPrices";
    private static readonly LocalDateTimePattern TimeUtc = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <exception cref="DocumentReadException">Malformed JSON, a missing field, an unreadable time or price.</exception>
    public static IReadOnlyList<DayAheadPrice> Read(Stream utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new DocumentReadException(Name, null, null, $"line {(ex.LineNumber ?? 0) + 1}", $"not JSON: {ex.Message}");
        }

        using (document)
        {
            var (records, path) = document.RootElement.ValueKind == JsonValueKind.Array
                ? (document.RootElement, "$")
                : document.RootElement.TryGetProperty("records", out var r) && r.ValueKind == JsonValueKind.Array
                    ? (r, "$.records")
                    : throw new DocumentReadException(Name, null, null, "$", "expected an array of records or an object with a \"records\" array.");
            var prices = new List<DayAheadPrice>(records.GetArrayLength());
            var index = 0;
            foreach (var record in records.EnumerateArray())
            {
                var place = $"{path}[{index++}]";
                var area = Text(record, place, "PriceArea");
                if (area is not ("DK1" or "DK2"))
                {
                    continue;
                }

                var time = TimeUtc.Parse(Text(record, place, "TimeUTC"));
                if (!time.Success)
                {
                    throw new DocumentReadException(Name, null, null, $"{place}.TimeUTC", $"'{record.GetProperty("TimeUTC").GetString()}' is not a UTC time like 2025-10-01T00:00:00.");
                }

                if (!record.TryGetProperty("DayAheadPriceDKK", out var price) || price.ValueKind != JsonValueKind.Number || !price.TryGetDecimal(out var dkk))
                {
                    throw new DocumentReadException(Name, null, null, $"{place}.DayAheadPriceDKK", "a price in DKK per MWh (a number) is required.");
                }

                prices.Add(new DayAheadPrice(time.Value.InUtc().ToInstant(), area == "DK1" ? PriceArea.DK1 : PriceArea.DK2, dkk));
            }

            return prices;
        }
    }

    /// <summary>
    /// The spot prices of one area as BiO rates them: DKK per kWh, rounded to 6 decimals half away from zero (the named
    /// rounding point of spot prices), kept with the instant they were received; the resolution (PT15M since
    /// 1 October 2025, PT1H before) is read from the spacing of the prices.
    /// </summary>
    /// <exception cref="ArgumentException">No prices for the area, a price twice, or uneven spacing; the message says where.</exception>
    public static SpotPrices ToSpotPrices(IReadOnlyList<DayAheadPrice> prices, PriceArea area, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var ofArea = prices.Where(p => p.Area == area).OrderBy(p => p.Start).ToList();
        if (ofArea.Count == 0)
        {
            throw new ArgumentException($"No day-ahead prices for {area}.", nameof(prices));
        }

        var steps = ofArea.Zip(ofArea.Skip(1), (a, b) => b.Start - a.Start).Distinct().ToList();
        var resolution = steps switch
        {
            [] or [{ TotalMinutes: 15 }] => Resolution.QuarterHour,
            [{ TotalMinutes: 60 }] => Resolution.Hour,
            _ => throw new ArgumentException(
                $"Day-ahead prices for {area} must be evenly spaced by 15 or 60 minutes; found steps of {string.Join(", ", steps.Select(s => s.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " min"))}.", nameof(prices)),
        };
        return new SpotPrices(area, resolution, PriceHistory.Of(receivedAt, ofArea.Select(p => (p.Start, UnitPrice.RoundedFrom(p.DkkPerMWh / 1000m).Value))));
    }

    private static string Text(JsonElement record, string place, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DocumentReadException(Name, null, null, $"{place}.{field}", "a text value is required.");
}
