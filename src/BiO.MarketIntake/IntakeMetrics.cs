using System.Diagnostics.Metrics;

namespace BiO.MarketIntake;

/// <summary>
/// The market adapter's instruments (meter <see cref="MeterName"/>), for monitoring and the intake benchmark:
/// <c>bio.market.documents</c> counts the documents answered, tagged with <c>status</c> (accepted, duplicate, rejected);
/// <c>bio.market.meter_data_rounds</c> the store rounds of meter data documents (group commits) and
/// <c>bio.market.meter_data_messages</c> the queue messages of notices sent: documents per round and notices per message
/// say how well the coalescing works.
/// </summary>
public static class IntakeMetrics
{
    /// <summary>The name of the market adapter's meter.</summary>
    public const string MeterName = "BiO.MarketIntake";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>("bio.market.documents", "{document}", "Market documents answered, by status");
    private static readonly KeyValuePair<string, object?>[] Statuses =
        Enum.GetValues<IntakeStatus>().Select(s => new KeyValuePair<string, object?>("status", s.ToString().ToLowerInvariant())).ToArray();

    private static readonly Counter<long> Rounds = Meter.CreateCounter<long>("bio.market.meter_data_rounds", "{round}", "Store rounds (group commits) of meter data documents");
    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("bio.market.meter_data_messages", "{message}", "Queue messages of meter data notices sent");

    internal static void Answered(IntakeResult result) => Documents.Add(1, Statuses[(int)result.Status]);

    internal static void RoundStored() => Rounds.Add(1);

    internal static void MessagesSent(int count) => Messages.Add(count);
}
