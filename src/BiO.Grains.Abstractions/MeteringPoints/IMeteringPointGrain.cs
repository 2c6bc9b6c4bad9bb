using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>A metering point ("målepunkt"), keyed by its GSRN.</summary>
[Alias("BiO.IMeteringPointGrain")]
public interface IMeteringPointGrain : IGrainWithStringKey
{
    /// <summary>What the point knows at an instant: its master data, the charge links in force, how many meter data versions.</summary>
    [Alias("GetSnapshot")]
    Task<MeteringPointSnapshot> GetSnapshotAsync(Instant at);

    /// <summary>
    /// Indexes meter data versions the market adapter stored; versions already indexed change nothing. A point without
    /// master data (unknown to us) keeps them, and applies them when its master data arrives.
    /// </summary>
    [Alias("MeterDataArrived")]
    Task MeterDataArrivedAsync(MeterDataArrived arrival);

    /// <summary>The meter data of a period as known at an instant, with exactly what is missing.</summary>
    [Alias("GetMeterData")]
    Task<MeterDataView> GetMeterDataAsync(MeterDataQuery query);

    /// <summary>
    /// Applies charge links (NotifyBillingMasterData D07); the same document id again changes nothing. A point without
    /// master data keeps them and has them in force from when its master data arrives.
    /// </summary>
    [Alias("ReceiveChargeLinks")]
    Task ReceiveChargeLinksAsync(ChargeLinksReceived links);

    /// <summary>Applies a master data version (AccountingPointCharacteristics E07); the same document id again changes nothing.</summary>
    [Alias("ReceiveMasterData")]
    Task ReceiveMasterDataAsync(MasterDataReceived masterData);

    /// <summary>The master data valid at an instant, or null when none is known for it.</summary>
    [Alias("GetMasterData")]
    Task<MasterDataReceived?> GetMasterDataAsync(Instant at);

    /// <summary>Records our supply request (392); the same transaction again changes nothing.</summary>
    [Alias("RequestSupplyChange")]
    Task RequestSupplyChangeAsync(SupplyRequested request);

    /// <summary>Records DataHub's answer to a supply request (it may arrive before the request is recorded).</summary>
    [Alias("AnswerSupplyChange")]
    Task AnswerSupplyChangeAsync(SupplyAnswered answer);

    /// <summary>Our supply periods (from confirmed requests), the requests waiting for an answer and those refused.</summary>
    [Alias("GetSupply")]
    Task<SupplyView> GetSupplyAsync();

    /// <summary>The charge links in force at some time within a period.</summary>
    [Alias("GetChargeLinks")]
    Task<IReadOnlyList<ChargeLinkNotice>> GetChargeLinksAsync(Interval period);

    /// <summary>Keeps an electricity contract on this point; refused when it overlaps another contract of the point.</summary>
    [Alias("AttachContract")]
    Task AttachContractAsync(BiO.Grains.Accounts.ContractDefinition contract);

    /// <summary>Sets the account that pays for this point from a day on.</summary>
    [Alias("AssignPayer")]
    Task AssignPayerAsync(BiO.Grains.Accounts.PayerAssignment payer);

    /// <summary>
    /// Settles the part of a month an account pays for: ready with invoice lines, waiting with exactly what is missing
    /// (missing meter data is re-requested from DataHub), failed when our own master data is wrong, or not due.
    /// </summary>
    [Alias("Settle")]
    Task<PointSettleResult> SettleAsync(PointSettleRequest request);

    /// <summary>
    /// The account's pending corrections computed afresh against the ledger: the lines to settle now. Called again after
    /// a document carrying them was issued, it leaves pending only what the new ledger does not cover.
    /// </summary>
    [Alias("SettleCorrections")]
    Task<IReadOnlyList<InvoiceLineRecord>> SettleCorrectionsAsync(string accountId);

    /// <summary>The point's pending corrections of months invoiced to the account (all accounts when null).</summary>
    [Alias("GetCorrections")]
    Task<IReadOnlyList<PendingCorrection>> GetCorrectionsAsync(string? accountId);

    /// <summary>Something the point's invoiced months were rated on changed in <paramref name="changed"/> (e.g. a
    /// charge's prices): rate them again and keep the difference as pending corrections.</summary>
    [Alias("Recheck"), Orleans.Concurrency.OneWay]
    Task RecheckAsync(Interval changed);
}

/// <summary>A master data version of a metering point, valid from an instant (codes as DataHub sends them).</summary>
/// <param name="SettlementMethod">E01, E02 or D01; null where DataHub gives none.</param>
/// <param name="PriceArea">DK1 or DK2 (from BiO's grid area table: E07 carries no price area).</param>
[GenerateSerializer, Immutable, Alias("BiO.MasterDataReceived")]
public sealed record MasterDataReceived(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Gsrn,
    [property: Id(2)] string Type,
    [property: Id(3)] string? SettlementMethod,
    [property: Id(4)] string GridArea,
    [property: Id(5)] string PriceArea,
    [property: Id(6)] Instant ValidFrom,
    [property: Id(7)] string? Parent);

/// <summary>Charge links of one metering point from one document.</summary>
[GenerateSerializer, Immutable, Alias("BiO.ChargeLinksReceived")]
public sealed record ChargeLinksReceived(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Gsrn,
    [property: Id(2)] IReadOnlyList<ChargeLinkNotice> Links);

/// <summary>A charge linked to a metering point with a factor, from an instant until an optional termination.</summary>
/// <param name="TypeCode">D01 subscription, D02 fee, D03 tariff.</param>
[GenerateSerializer, Immutable, Alias("BiO.ChargeLinkNotice")]
public sealed record ChargeLinkNotice(
    [property: Id(0)] string OwnerGln,
    [property: Id(1)] string TypeCode,
    [property: Id(2)] string Code,
    [property: Id(3)] int Factor,
    [property: Id(4)] Instant From,
    [property: Id(5)] Instant? To);

/// <summary>A metering point as the API shows it at an instant.</summary>
[GenerateSerializer, Immutable, Alias("BiO.MeteringPointSnapshot")]
public sealed record MeteringPointSnapshot(
    [property: Id(0)] string Gsrn,
    [property: Id(1)] Instant At,
    [property: Id(2)] MasterDataReceived? MasterData,
    [property: Id(3)] IReadOnlyList<ChargeLinkNotice> ChargeLinks,
    [property: Id(4)] int MeterDataVersions,
    [property: Id(5)] bool Known = true,
    [property: Id(6)] int AwaitingMasterData = 0);
