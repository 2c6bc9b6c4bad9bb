using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace BiO.Market.Cim;

/// <summary>CIM times: UTC with a 'Z', to the minute (<c>2024-06-28T22:00Z</c>) or the second (<c>2024-07-30T07:30:54Z</c>).</summary>
internal static class CimTime
{
    private static readonly InstantPattern Minutes = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");
    private static readonly InstantPattern Seconds = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF'Z'");

    public static bool TryParse(string? text, out Instant instant, [NotNullWhen(false)] out string? error)
    {
        instant = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "A time is required, got nothing.";
            return false;
        }

        // NodaTime reads T24:00 as the next midnight; CIM (and its schemas) write midnight as T00:00 of the next day.
        var result = text.Length >= 13 && text.AsSpan(10, 3).SequenceEqual("T24")
            ? null
            : text.Length == 17 ? Minutes.Parse(text) : Seconds.Parse(text);
        if (result is { Success: true })
        {
            instant = result.Value;
            error = null;
            return true;
        }

        error = $"'{text}' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.";
        return false;
    }

    /// <summary>To the minute, as in <c>timeInterval</c>: <c>2024-06-28T22:00Z</c>.</summary>
    public static string ToMinutes(Instant instant) => Minutes.Format(instant);

    /// <summary>To the second, as in <c>createdDateTime</c>: <c>2024-07-30T07:30:54Z</c> (sub-seconds dropped).</summary>
    public static string ToSeconds(Instant instant) =>
        Seconds.Format(Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()));
}
