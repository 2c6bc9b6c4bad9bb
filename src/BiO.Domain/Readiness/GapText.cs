using System.Globalization;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>
/// How gaps are said to people: local days and times in Europe/Copenhagen (<c>2026-03-14</c>,
/// <c>2026-03-02..2026-03-04</c>, <c>2026-03-14 17:00-18:00</c>) and price elements by what they are
/// (<c>tariff 40000 (5790000432752)</c>, <c>spot DK1</c>).
/// </summary>
internal static class GapText
{
    /// <summary>A local day, or a range of days with both ends included.</summary>
    public static string Days(DateInterval days) =>
        days.Start == days.End ? Date(days.Start) : $"{Date(days.Start)}..{Date(days.End)}";

    /// <summary>
    /// A UTC interval in local time: whole local days as <see cref="Days"/>; otherwise the date and the wall times
    /// <c>2026-03-14 17:00-18:00</c>, or <c>2026-03-14 17:00..2026-03-15 03:00</c> across days. The end is the wall
    /// time at the offset of the interval's last instant, so an interval ending at midnight ends at <c>24:00</c> and
    /// the hour before the spring change reads <c>01:00-02:00</c>. A wall time that occurs twice (the autumn change)
    /// is followed by its zone abbreviation: <c>02:00-03:00 CEST</c> and then <c>02:00-03:00 CET</c>.
    /// </summary>
    public static string Range(Interval interval)
    {
        var zone = BillingTime.Zone;
        var first = interval.Start.InZone(zone);
        var last = (interval.End - Duration.Epsilon).InZone(zone);
        if (first.TimeOfDay == LocalTime.Midnight && interval.End == BillingTime.Day(last.Date).End)
        {
            return Days(new DateInterval(first.Date, last.Date));
        }

        var end = interval.End.WithOffset(last.Offset).LocalDateTime;
        var endTime = end.Date > last.Date ? "24:00" : Time(end.TimeOfDay);
        var startZone = IsAmbiguous(first) ? first.GetZoneInterval().Name : null;
        var endZone = IsAmbiguous(last) ? last.GetZoneInterval().Name : null;
        if (startZone == endZone)
        {
            startZone = null;
        }

        var from = $"{Date(first.Date)} {Time(first.TimeOfDay)}{Suffix(startZone)}";
        var to = $"{endTime}{Suffix(endZone)}";
        return first.Date == last.Date ? $"{from}-{to}" : $"{from}..{Date(last.Date)} {to}";
    }

    /// <summary>
    /// What a price element is, for people: a DataHub charge by type, code and owner (<c>tariff 40000 (5790000432752)</c>),
    /// spot by area (<c>spot DK1</c>), any other element by its name.
    /// </summary>
    public static string Element(PriceElement element) => element switch
    {
        ChargeElement c => $"{TypeWord(c.Charge.Key.Type)} {c.Charge.Key.Code} ({c.Charge.Key.OwnerGln})",
        SpotElement s => $"spot {s.Spot.Area}",
        _ => element.Name,
    };

    private static string TypeWord(ChargeType type) => type switch
    {
        ChargeType.Tariff => "tariff",
        ChargeType.Subscription => "subscription",
        ChargeType.Fee => "fee",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static bool IsAmbiguous(ZonedDateTime time) => time.Zone.MapLocal(time.LocalDateTime).Count > 1;

    private static string Suffix(string? zone) => zone is null ? string.Empty : " " + zone;

    private static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static string Time(LocalTime time) => time.ToString("HH':'mm", CultureInfo.InvariantCulture);
}
