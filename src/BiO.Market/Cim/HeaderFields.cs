using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>
/// The header fields of a CIM document as a reader meets them (in any order), each parsed where it stands so
/// that its errors name its place; <see cref="Build"/> then checks that the required ones came. The process must
/// be one of the document's own processes (meter data processes E23, D42, E30 unless told otherwise).
/// </summary>
internal sealed class HeaderFields(string expectedType, IReadOnlyList<ProcessType>? processes = null)
{
    private readonly IReadOnlyList<ProcessType> allowed = processes ?? ProcessTypes.MeterData;

    public static readonly string[] Names =
    [
        "mRID", "type", "process.processType", "businessSector.type",
        "sender_MarketParticipant.mRID", "sender_MarketParticipant.marketRole.type",
        "receiver_MarketParticipant.mRID", "receiver_MarketParticipant.marketRole.type", "createdDateTime",
    ];

    private string? type;
    private ProcessType? process;
    private string? businessSector;
    private Gln? senderId;
    private string? senderRole;
    private Gln? receiverId;
    private string? receiverRole;
    private Instant? createdAt;

    /// <summary>Parses header field <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        switch (name)
        {
            case "mRID":
                context.DocumentId = Required(raw, context);
                break;
            case "type":
                type = raw == expectedType
                    ? raw
                    : throw context.Error($"Document type '{raw}' is not {expectedType} ({context.DocumentName}).");
                break;
            case "process.processType":
                process = ProcessTypes.FromCode(raw) is { } known && allowed.Contains(known)
                    ? known
                    : throw context.Error($"Unknown process type '{raw}'; expected {Expected(allowed)}.");
                break;
            case "businessSector.type":
                businessSector = raw;
                break;
            case "sender_MarketParticipant.mRID":
                senderId = ParseGln(raw, context);
                break;
            case "sender_MarketParticipant.marketRole.type":
                senderRole = Required(raw, context);
                break;
            case "receiver_MarketParticipant.mRID":
                receiverId = ParseGln(raw, context);
                break;
            case "receiver_MarketParticipant.marketRole.type":
                receiverRole = Required(raw, context);
                break;
            case "createdDateTime":
                createdAt = CimTime.TryParse(raw, out var instant, out var error) ? instant : throw context.Error(error);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a header field.");
        }
    }

    /// <summary>The header; the context is at the document element, so a missing field is named under it.</summary>
    public MarketDocumentHeader Build(ReadContext context) => new(
        context.DocumentId ?? throw context.Missing("mRID"),
        type ?? throw context.Missing("type"),
        process ?? throw context.Missing("process.processType"),
        businessSector,
        new MarketParticipant(senderId ?? throw context.Missing("sender_MarketParticipant.mRID"),
            senderRole ?? throw context.Missing("sender_MarketParticipant.marketRole.type")),
        new MarketParticipant(receiverId ?? throw context.Missing("receiver_MarketParticipant.mRID"),
            receiverRole ?? throw context.Missing("receiver_MarketParticipant.marketRole.type")),
        createdAt ?? throw context.Missing("createdDateTime"));

    /// <summary>"E23, D42 or E30".</summary>
    internal static string Expected(IReadOnlyList<ProcessType> processes) => processes.Count == 1
        ? processes[0].Code()
        : $"{string.Join(", ", processes.Take(processes.Count - 1).Select(p => p.Code()))} or {processes[^1].Code()}";

    internal static string Required(string raw, ReadContext context) =>
        string.IsNullOrWhiteSpace(raw) ? throw context.Error("A value is required, got an empty text.") : raw;

    private static Gln ParseGln(string raw, ReadContext context) =>
        Gln.TryParse(raw, out var gln, out var error) ? gln : throw context.Error(error);
}
