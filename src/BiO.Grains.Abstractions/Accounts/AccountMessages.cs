using NodaTime;

namespace BiO.Grains.Accounts;

/// <summary>A customer account (the invoice recipient) as the gateway defines it; <paramref name="RequestId"/> makes it idempotent.</summary>
[GenerateSerializer, Immutable, Alias("BiO.AccountDefinition")]
public sealed record AccountDefinition(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string Name,
    [property: Id(3)] string InvoiceSeries);

/// <summary>
/// A contract: a product of an account from a start day until an optional end day (exclusive). Electricity binds a
/// metering point and follows the product's supplier price list or is pinned to one version; other products (telephony,
/// broadband, TV, consultancy) carry a fixed monthly fee or a price per unit.
/// </summary>
/// <param name="Kind">Electricity, Telephony, Broadband, Tv or Consultancy.</param>
[GenerateSerializer, Immutable, Alias("BiO.ContractDefinition")]
public sealed record ContractDefinition(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ContractId,
    [property: Id(2)] string AccountId,
    [property: Id(3)] string ProductCode,
    [property: Id(4)] string Kind,
    [property: Id(5)] LocalDate Start,
    [property: Id(6)] LocalDate? End = null,
    [property: Id(7)] string? MeteringPoint = null,
    [property: Id(8)] LocalDate? PriceListVersion = null,
    [property: Id(9)] decimal? MonthlyFee = null,
    [property: Id(10)] decimal? UnitPrice = null,
    [property: Id(11)] string? Unit = null);

/// <summary>The account that pays for a metering point from a day on (it may differ from the contract's account).</summary>
[GenerateSerializer, Immutable, Alias("BiO.PayerAssignment")]
public sealed record PayerAssignment(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string MeteringPoint,
    [property: Id(2)] string AccountId,
    [property: Id(3)] LocalDate From);

/// <summary>An account as the gateway shows it.</summary>
[GenerateSerializer, Immutable, Alias("BiO.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string Name,
    [property: Id(2)] string InvoiceSeries,
    [property: Id(3)] IReadOnlyList<ContractDefinition> Contracts,
    [property: Id(4)] IReadOnlyList<string> PaysFor);

/// <summary>Settle an account for a month (one invoice at most per account and month), as part of a bill run.</summary>
[GenerateSerializer, Immutable, Alias("BiO.AccountSettleRequest")]
public sealed record AccountSettleRequest(
    [property: Id(0)] string BillRunId,
    [property: Id(1)] YearMonth Month);

/// <summary>What settling an account gave.</summary>
[GenerateSerializer, Immutable, Alias("BiO.AccountSettleResult")]
public sealed record AccountSettleResult(
    [property: Id(0)] string AccountId,
    [property: Id(1)] AccountSettleState State,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] string? InvoiceNumber = null,
    [property: Id(4)] decimal? Total = null);

/// <summary>Where an account stands after a settle attempt.</summary>
[GenerateSerializer]
public enum AccountSettleState
{
    /// <summary>Nothing of the account is due in the month.</summary>
    NotDue = 0,

    /// <summary>Invoiced (now or before): the invoice number is given.</summary>
    Settled = 1,

    /// <summary>Something is missing (the reasons); what DataHub can send was re-requested.</summary>
    Waiting = 2,

    /// <summary>It cannot be settled as it is (the reasons): our own master data needs a correction.</summary>
    Failed = 3,
}

/// <summary>A supplier price list of a product, with its versions (each effective from a day).</summary>
[GenerateSerializer, Immutable, Alias("BiO.PriceListDefinition")]
public sealed record PriceListDefinition(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string ProductCode,
    [property: Id(2)] IReadOnlyList<PriceListVersionDefinition> Versions);

/// <summary>A price list version: markup per kWh (6 decimals), monthly subscription, time-of-use windows.</summary>
[GenerateSerializer, Immutable, Alias("BiO.PriceListVersionDefinition")]
public sealed record PriceListVersionDefinition(
    [property: Id(0)] LocalDate EffectiveFrom,
    [property: Id(1)] decimal Markup,
    [property: Id(2)] decimal MonthlySubscription,
    [property: Id(3)] IReadOnlyList<TimeOfUseDefinition> Windows);

/// <summary>A time-of-use window: in the given months (1-12), from a local time to another (exclusive), a markup.</summary>
[GenerateSerializer, Immutable, Alias("BiO.TimeOfUseDefinition")]
public sealed record TimeOfUseDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<int> Months,
    [property: Id(2)] LocalTime From,
    [property: Id(3)] LocalTime To,
    [property: Id(4)] decimal Price);

/// <summary>A price list as kept: its definition and when it was last changed (the version of the prices it gives).</summary>
[GenerateSerializer, Immutable, Alias("BiO.PriceListView")]
public sealed record PriceListView(
    [property: Id(0)] PriceListDefinition Definition,
    [property: Id(1)] Instant ChangedAt);
