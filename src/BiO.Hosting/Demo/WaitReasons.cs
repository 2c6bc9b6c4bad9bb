using System.Text.RegularExpressions;

namespace BiO.Hosting.Demo;

/// <summary>
/// Groups the reasons accounts wait for by what is missing, leaving out which metering point and when: for example
/// <c>571313... 2026-03-14 17:00-18:00: no quantity</c> and <c>571313... 2026-03-20: no quantity</c> both read
/// <c>no quantity</c>, and <c>spot DK1: no price on 2026-03-01..2026-03-05</c> reads <c>spot DK1: no price</c>.
/// </summary>
public static partial class WaitReasons
{
    /// <summary>The reason without GSRNs, dates, wall times and zone names.</summary>
    public static string GroupOf(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var text = Gsrn().Replace(reason, " ");
        text = When().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim().Trim(':').Trim();
        return text.Length == 0 ? reason : text;
    }

    // An 18-digit GSRN.
    [GeneratedRegex(@"\b\d{18}\b")]
    private static partial Regex Gsrn();

    // "on" and a day, a day range, or a day with wall times (and zone names at the DST change), as GapText writes them.
    [GeneratedRegex(@"(?:\bon\s+)?\d{4}-\d{2}-\d{2}(?:(?:\s|\.\.|-)+(?:\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(?:\s(?:CEST|CET))?))*")]
    private static partial Regex When();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
