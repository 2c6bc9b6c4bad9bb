using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>The persisted state of a metering point grain. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.MeteringPointState")]
public sealed class MeteringPointState
{
    [Id(0)] public Instant? FirstSeen { get; set; }

    /// <summary>Receipts of the documents received, by document mRID.</summary>
    [Id(1)] public Dictionary<string, DocumentReceipt> Documents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Charge links as received, replaced per charge and start (see BiO.Domain.Prices.ChargeLinks).</summary>
    [Id(2)] public List<ChargeLinkNotice> ChargeLinks { get; set; } = [];

    /// <summary>Charge link documents applied (idempotency).</summary>
    [Id(3)] public HashSet<string> ChargeLinkDocuments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Master data versions as received, one per valid-from (see BiO.Domain.MeteringPoints.MasterDataHistory).</summary>
    [Id(4)] public List<MasterDataReceived> MasterData { get; set; } = [];
}
