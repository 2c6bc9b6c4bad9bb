using NodaTime;

namespace BiO.Grains.Accounts;

/// <summary>
/// Registers the quantity delivered under a contract priced per unit in a billing month (e.g. 12.5 consultancy hours
/// in 2026-03); <paramref name="RequestId"/> makes it idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("BiO.QuantityRequest")]
public sealed record QuantityRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ContractId,
    [property: Id(2)] YearMonth Month,
    [property: Id(3)] decimal Quantity);

/// <summary>A quantity as kept: the request that registered it and when it was accepted.</summary>
[GenerateSerializer, Immutable, Alias("BiO.RegisteredQuantityRecord")]
public sealed record RegisteredQuantityRecord(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ContractId,
    [property: Id(2)] YearMonth Month,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] Instant RegisteredAt);

/// <summary>How registering a quantity ended (the domain's <c>QuantityOutcome</c>).</summary>
[GenerateSerializer]
public enum QuantityRegistrationState
{
    /// <summary>The month had no quantity: it has this one now.</summary>
    Registered = 1,

    /// <summary>The month's quantity, not yet invoiced, was replaced.</summary>
    Replaced = 2,

    /// <summary>The same request again, or the quantity the month has: nothing changed.</summary>
    Unchanged = 3,

    /// <summary>Refused without a change (the reason): the request id registered something else, or the month is invoiced.</summary>
    Conflict = 4,
}

/// <summary>What registering a quantity gave: the outcome, the month's quantity now (if any) and the reason of a conflict.</summary>
[GenerateSerializer, Immutable, Alias("BiO.QuantityRegistrationResult")]
public sealed record QuantityRegistrationResult(
    [property: Id(0)] QuantityRegistrationState State,
    [property: Id(1)] RegisteredQuantityRecord? Current,
    [property: Id(2)] string? Conflict = null);
