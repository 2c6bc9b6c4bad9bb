namespace BiO.Grains.MeteringPoints;

/// <summary>The persisted state of a metering point grain. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.MeteringPointState")]
public sealed class MeteringPointState
{
    // Ids 0 and 1 held the document receipts of the foundation's stand-in intake: retired, never to be reused.

    /// <summary>Charge links as received, replaced per charge and start (see BiO.Domain.Prices.ChargeLinks).</summary>
    [Id(2)] public List<ChargeLinkNotice> ChargeLinks { get; set; } = [];

    /// <summary>Charge link documents applied (idempotency).</summary>
    [Id(3)] public HashSet<string> ChargeLinkDocuments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Master data versions as received, one per valid-from (see BiO.Domain.MeteringPoints.MasterDataHistory).</summary>
    [Id(4)] public List<MasterDataReceived> MasterData { get; set; } = [];

    /// <summary>Our supply requests by transaction id.</summary>
    [Id(5)] public Dictionary<string, SupplyRequested> SupplyRequests { get; set; } = new(StringComparer.Ordinal);

    /// <summary>DataHub's answers by the request's transaction id.</summary>
    [Id(6)] public Dictionary<string, SupplyAnswered> SupplyAnswers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The electricity contracts on this point by contract id (the domain refuses overlaps).</summary>
    [Id(7)] public Dictionary<string, BiO.Grains.Accounts.ContractDefinition> Contracts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The accounts that pay for this point, each from a day on, by request id.</summary>
    [Id(8)] public Dictionary<string, BiO.Grains.Accounts.PayerAssignment> Payers { get; set; } = new(StringComparer.Ordinal);

    // Id 9 held the months invoiced with lines of this point: retired (the invoice store's ledger says it), never to be reused.

    /// <summary>Pending corrections by "account|yyyy-MM"; an entry is removed when nothing is left to correct.</summary>
    [Id(10)] public Dictionary<string, PendingCorrection> Corrections { get; set; } = new(StringComparer.Ordinal);
}
