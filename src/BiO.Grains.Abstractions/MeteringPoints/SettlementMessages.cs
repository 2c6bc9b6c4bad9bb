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
    [property: Id(5)] int ReRequested);

/// <summary>An invoice line on the wire: contract, metering point, price element, days, quantity, amount (øre) and VAT rate.</summary>
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
    [property: Id(10)] LocalDate VatFrom);
