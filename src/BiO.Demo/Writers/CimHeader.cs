using BiO.Market.Documents;
using NodaTime;

namespace BiO.Demo.Writers;

/// <summary>The header fields every CIM document written here carries.</summary>
internal sealed record CimHeader(
    string DocumentId, string Type, string Process, Gln Sender, string SenderRole, Gln Receiver, string ReceiverRole, Instant CreatedAt);
