using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace BiO.Testing;

/// <summary>Our own Energi Data Service DayAheadPrices answers (PT15M) for tests: every quarter-hour of local days.</summary>
public static class DayAheadPricesJson
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];
    private static readonly LocalDateTimePattern Utc = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <summary>An API answer with the quarter-hours of <paramref name="days"/> in each area; price in DKK/MWh by index of the quarter-hour in its day.</summary>
    public static string Answer(IEnumerable<string> areas, IEnumerable<LocalDate> days, Func<int, decimal> dkkPerMWh)
    {
        var records = new List<string>();
        foreach (var day in days)
        {
            var start = day.AtStartOfDayInZone(Copenhagen).ToInstant();
            var end = day.PlusDays(1).AtStartOfDayInZone(Copenhagen).ToInstant();
            for (var (t, i) = (start, 0); t < end; t += Duration.FromMinutes(15), i++)
            {
                var time = Utc.Format(t.InUtc().LocalDateTime);
                var local = Utc.Format(t.InZone(Copenhagen).LocalDateTime);
                var price = dkkPerMWh(i).ToString(CultureInfo.InvariantCulture);
                records.AddRange(areas.Select(area =>
                    $"{{\"TimeUTC\":\"{time}\",\"TimeDK\":\"{local}\",\"PriceArea\":\"{area}\",\"DayAheadPriceEUR\":0,\"DayAheadPriceDKK\":{price}}}"));
            }
        }

        return new StringBuilder("{\"total\":").Append(records.Count).Append(",\"dataset\":\"DayAheadPrices\",\"records\":[")
            .AppendJoin(',', records).Append("]}").ToString();
    }
}
