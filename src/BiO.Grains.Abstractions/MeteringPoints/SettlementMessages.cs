using BiO.Grains.Accounts;
using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>Settle the part of a metering point's month that an account pays for, as known at an instant.</summary>
[GenerateSerializer, Immutable, Alias("BiO.PointSettleRequest")]
public sealed record PointSettleRequest(
    [property: Id(0)] string AccountId,
    [property: Id(1)] YearMonth Month,
    [property: Id(2)] Instant KnownAt);

/// <summary>A metering point's settlement for an account: its state, what is missing, and the invoice lines when ready.</summary>
/// <param name="Basis">Which data and price versions were used (JSON), kept with the invoice.</param>
/// <param name="ReRequested">How many RSM-015 re-requests this settlement put on the outbox.</param>
[GenerateSerializer, Immutable, Alias("BiO.PointSettleResult")]
public sealed record PointSettleResult(
    [property: Id(0)] string Gsrn,
    [property: Id(1)] AccountSettleState State,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] IReadOnlyList<InvoiceLineRecord> Lines,
    [property: Id(4)] string Basis,
    [property: Id(5)] int ReRequested)
{
    /// <summary>The point's pending corrections of earlier invoiced months for the account, computed afresh: the lines
    /// to put on the account's next invoice or correction note.</summary>
    [Id(6)] public IReadOnlyList<InvoiceLineRecord> Corrections { get; init; } = [];
}

/// <summary>
/// An invoice line on the wire: contract, metering point, price element, days, quantity, amount (øre) and VAT rate;
/// for a correction line the period it corrects and why; the basis versions; the metering point's grid area.
/// </summary>
[GenerateSerializer, Immutable, Alias("BiO.InvoiceLineRecord")]
public sealed record InvoiceLineRecord(
    [property: Id(0)] string ContractId,
    [property: Id(1)] string? MeteringPoint,
    [property: Id(2)] string ItemId,
    [property: Id(3)] string Description,
    [property: Id(4)] LocalDate FirstDay,
    [property: Id(5)] LocalDate LastDay,
    [property: Id(6)] decimal Quantity,
    [property: Id(7)] decimal Amount,
    [property: Id(8)] string VatCode,
    [property: Id(9)] decimal VatPercent,
    [property: Id(10)] LocalDate VatFrom,
    [property: Id(11)] DateInterval? Corrects = null,
    [property: Id(12)] string? Reason = null,
    [property: Id(13)] Instant? DataVersion = null,
    [property: Id(14)] Instant? PriceVersion = null,
    [property: Id(15)] string? GridArea = null);

/// <summary>
/// A pending correction of a metering point's invoiced month for the paying account: ready with the lines that will
/// settle the difference on the next invoice (none are kept when nothing changed), or waiting with what is missing.
/// </summary>
/// <param name="ComputedAt">When it was computed (as known then).</param>
[GenerateSerializer, Immutable, Alias("BiO.PendingCorrection")]
public sealed record PendingCorrection(
    [property: Id(0)] string Gsrn,
    [property: Id(1)] string AccountId,
    [property: Id(2)] YearMonth Month,
    [property: Id(3)] AccountSettleState State,
    [property: Id(4)] IReadOnlyList<string> Reasons,
    [property: Id(5)] IReadOnlyList<InvoiceLineRecord> Lines,
    [property: Id(6)] Instant ComputedAt)
{
    /// <summary>The state key of an account's month: "account|yyyy-MM".</summary>
    public static string KeyOf(string accountId, YearMonth month) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{accountId}|{month.Year:0000}-{month.Month:00}");
}
