using NodaTime;

namespace BiO.Market.Documents;

/// <summary>
/// The header every DataHub CIM document carries.
/// </summary>
/// <param name="DocumentId">The document's <c>mRID</c>: the idempotency key of its intake.</param>
/// <param name="Type">The document type code (<c>type</c>): E66 meter data, E73 request, ERR reject.</param>
/// <param name="Process">The business process (<c>process.processType</c>).</param>
/// <param name="BusinessSector">The <c>businessSector.type</c> (23 electricity), when given.</param>
/// <param name="Sender">Sender GLN and role.</param>
/// <param name="Receiver">Receiver GLN and role.</param>
/// <param name="CreatedAt">The <c>createdDateTime</c>.</param>
public sealed record MarketDocumentHeader(
    string DocumentId,
    string Type,
    ProcessType Process,
    string? BusinessSector,
    MarketParticipant Sender,
    MarketParticipant Receiver,
    Instant CreatedAt);
