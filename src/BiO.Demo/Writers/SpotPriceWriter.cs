using System.Text.Json;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;
using NodaTime.Text;

namespace BiO.Demo.Writers;

/// <summary>
/// Writes day-ahead spot prices as Energi Data Service's DayAheadPrices API answers them:
/// <c>{"total":N,"dataset":"DayAheadPrices","records":[{"TimeUTC","TimeDK","PriceArea","DayAheadPriceEUR","DayAheadPriceDKK"}]}</c>,
/// prices per MWh (EUR with 2 decimals, DKK at a fixed demo rate with 5).
/// </summary>
internal static class SpotPriceWriter
{
    private static readonly LocalDateTimePattern Time = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public static byte[] Write(IReadOnlyList<(Instant Start, PriceArea Area, decimal Eur, decimal Dkk)> prices)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("total", prices.Count);
            json.WriteString("dataset", "DayAheadPrices");
            json.WriteStartArray("records");
            foreach (var (start, area, eur, dkk) in prices)
            {
                json.WriteStartObject();
                json.WriteString("TimeUTC", Time.Format(start.InUtc().LocalDateTime));
                json.WriteString("TimeDK", Time.Format(start.InZone(BillingTime.Zone).LocalDateTime));
                json.WriteString("PriceArea", area.ToString());
                json.WriteNumber("DayAheadPriceEUR", eur);
                json.WriteNumber("DayAheadPriceDKK", dkk);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
