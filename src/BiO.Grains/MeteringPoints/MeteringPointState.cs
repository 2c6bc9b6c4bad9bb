using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>The persisted state of a metering point grain. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.MeteringPointState")]
public sealed class MeteringPointState
{
    [Id(0)] public Instant? FirstSeen { get; set; }

    /// <summary>Receipts of the documents received, by document mRID.</summary>
    [Id(1)] public Dictionary<string, DocumentReceipt> Documents { get; set; } = new(StringComparer.Ordinal);
}
