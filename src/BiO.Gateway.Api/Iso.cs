using NodaTime;
using NodaTime.Text;

namespace BiO.Gateway.Api;

/// <summary>How the API writes NodaTime values: ISO strings (LocalDate "2026-03-01", YearMonth "2026-03", Instant "...Z", LocalTime "06:00").</summary>
public static class Iso
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string? Date(LocalDate? date) => date is { } d ? Date(d) : null;

    public static string Month(YearMonth month) => YearMonthPattern.Iso.Format(month);

    public static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string? Instant(Instant? instant) => instant is { } i ? Instant(i) : null;

    /// <summary>A time of day as "HH:mm" (with seconds when it has them).</summary>
    public static string Time(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0 ? HourMinute.Format(time) : LocalTimePattern.ExtendedIso.Format(time);

    public static bool TryDate(string text, out LocalDate date) => TryParse(LocalDatePattern.Iso, text, out date);

    public static bool TryMonth(string text, out YearMonth month) => TryParse(YearMonthPattern.Iso, text, out month);

    public static bool TryInstant(string text, out Instant instant) => TryParse(InstantPattern.ExtendedIso, text, out instant);

    /// <summary>"HH:mm" or "HH:mm:ss"; "24:00" is midnight (the end of the day, as a time-of-use window's end).</summary>
    public static bool TryTime(string text, out LocalTime time)
    {
        if (text == "24:00")
        {
            time = LocalTime.Midnight;
            return true;
        }

        return TryParse(HourMinute, text, out time) || TryParse(LocalTimePattern.ExtendedIso, text, out time);
    }

    private static bool TryParse<T>(IPattern<T> pattern, string text, out T value)
    {
        var result = pattern.Parse(text.Trim());
        value = result.Success ? result.Value : default!;
        return result.Success;
    }
}
