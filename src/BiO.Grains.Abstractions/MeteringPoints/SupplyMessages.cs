using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>Our request to start or end supply of a metering point (RequestChangeOfSupplier 392), by transaction id.</summary>
/// <param name="ProcessCode">E03 change of supplier, E65 move-in, E20 end of supply.</param>
[GenerateSerializer, Immutable, Alias("BiO.SupplyRequested")]
public sealed record SupplyRequested(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Gsrn,
    [property: Id(2)] string TransactionId,
    [property: Id(3)] string ProcessCode,
    [property: Id(4)] Instant Effective);

/// <summary>DataHub's answer to a supply request (Confirm/RejectRequestChangeOfSupplier), naming the request's transaction.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SupplyAnswered")]
public sealed record SupplyAnswered(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Gsrn,
    [property: Id(2)] string RequestTransactionId,
    [property: Id(3)] bool Confirmed,
    [property: Id(4)] IReadOnlyList<string> Reasons);

/// <summary>Our supply of a metering point: the confirmed periods (an open end while supplying), what waits, what was refused.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SupplyView")]
public sealed record SupplyView(
    [property: Id(0)] string Gsrn,
    [property: Id(1)] IReadOnlyList<SupplyPeriodView> Periods,
    [property: Id(2)] IReadOnlyList<SupplyRequested> Pending,
    [property: Id(3)] IReadOnlyList<SupplyAnswered> Rejected);

/// <summary>A supply period [Start, End), End null while supplying.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SupplyPeriodView")]
public sealed record SupplyPeriodView([property: Id(0)] Instant Start, [property: Id(1)] Instant? End);
