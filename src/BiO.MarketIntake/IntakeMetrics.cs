using System.Diagnostics.Metrics;

namespace BiO.MarketIntake;

/// <summary>
/// The market adapter's instruments (meter <see cref="MeterName"/>), for monitoring and the intake benchmark:
/// <c>bio.market.documents</c> counts the documents answered, tagged with <c>status</c> (accepted, duplicate, rejected).
/// </summary>
public static class IntakeMetrics
{
    /// <summary>The name of the market adapter's meter.</summary>
    public const string MeterName = "BiO.MarketIntake";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>("bio.market.documents", "{document}", "Market documents answered, by status");
    private static readonly KeyValuePair<string, object?>[] Statuses =
        Enum.GetValues<IntakeStatus>().Select(s => new KeyValuePair<string, object?>("status", s.ToString().ToLowerInvariant())).ToArray();

    internal static void Answered(IntakeResult result) => Documents.Add(1, Statuses[(int)result.Status]);
}
