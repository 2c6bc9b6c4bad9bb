namespace BiO.Domain.TimeSeries;

/// <summary>Quality of a metered value (CIM <c>quality</c>, "kvalitet"). An absent quality means A04 measured.</summary>
public enum Quality
{
    /// <summary>A01 adjusted.</summary>
    Adjusted = 1,

    /// <summary>A02 not available: the value is missing and has no quantity.</summary>
    NotAvailable = 2,

    /// <summary>A03 estimated.</summary>
    Estimated = 3,

    /// <summary>A04 as provided (measured).</summary>
    Measured = 4,

    /// <summary>A05 incomplete.</summary>
    Incomplete = 5,

    /// <summary>A06 calculated.</summary>
    Calculated = 6,
}

/// <summary>A set of qualities, e.g. of the quarter-hours that make an hour sum.</summary>
[Flags]
public enum QualitySet
{
    None = 0,
    Adjusted = 1 << 1,
    NotAvailable = 1 << 2,
    Estimated = 1 << 3,
    Measured = 1 << 4,
    Incomplete = 1 << 5,
    Calculated = 1 << 6,
}

public static class Qualities
{
    /// <summary>Parses A01..A06; null or empty means A04 measured.</summary>
    /// <exception cref="ArgumentException">An unknown code.</exception>
    public static Quality Parse(string? code) => code switch
    {
        null or "" or "A04" => Quality.Measured,
        "A01" => Quality.Adjusted,
        "A02" => Quality.NotAvailable,
        "A03" => Quality.Estimated,
        "A05" => Quality.Incomplete,
        "A06" => Quality.Calculated,
        _ => throw new ArgumentException($"Unknown quality code '{code}'; expected A01..A06.", nameof(code)),
    };

    public static string Code(this Quality quality) => $"A0{(int)quality}";

    public static QualitySet AsSet(this Quality quality) => (QualitySet)(1 << (int)quality);

    public static IEnumerable<Quality> Members(this QualitySet set) =>
        Enum.GetValues<Quality>().Where(q => (set & q.AsSet()) != 0);
}
