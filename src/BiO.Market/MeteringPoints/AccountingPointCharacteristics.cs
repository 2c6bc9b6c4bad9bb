using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.MeteringPoints;

/// <summary>
/// AccountingPointCharacteristics_MarketDocument (type E07): master data of metering points, sent by DataHub to
/// the supplier when it starts supplying a point and whenever the point's master data changes. Read from CIM XML
/// (DataHub's XSD) or CIM JSON (DataHub publishes no JSON schema for it: the CIM JSON convention, see
/// <see cref="Cim.Json.AccountingPointCharacteristicsJsonReader"/>).
/// </summary>
public sealed record AccountingPointCharacteristics(MarketDocumentHeader Header, ValueList<AccountingPointRecord> Records)
{
    /// <summary>The document type code.</summary>
    public const string DocumentType = "E07";

    /// <summary>
    /// The processes an E07 comes with: the supply changes (E03, E06, E65, E20) and the master data processes
    /// (E02 new point, E32 update, E79 connection state, D15 connect).
    /// </summary>
    public static IReadOnlyList<ProcessType> Processes { get; } =
    [
        ProcessType.ChangeOfSupplier, ProcessType.UnrequestedChangeOfSupplier, ProcessType.MoveIn, ProcessType.EndOfSupply,
        ProcessType.NewMeteringPoint, ProcessType.UpdateMasterData, ProcessType.ChangeConnectionState, ProcessType.ConnectMeteringPoint,
    ];
}

/// <summary>One <c>MktActivityRecord</c>: a metering point's master data valid from an instant.</summary>
/// <param name="RecordId">The record <c>mRID</c>.</param>
/// <param name="OriginalTransactionId">The request it answers (<c>originalTransactionIDReference_MktActivityRecord.mRID</c>), if any.</param>
/// <param name="ValidFrom">The <c>validityStart_DateAndOrTime.dateTime</c>.</param>
/// <param name="MeteringPoint">The point's characteristics.</param>
public sealed record AccountingPointRecord(string RecordId, string? OriginalTransactionId, Instant ValidFrom, MeteringPointCharacteristics MeteringPoint);
