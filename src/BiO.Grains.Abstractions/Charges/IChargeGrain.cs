using NodaTime;

namespace BiO.Grains.Charges;

/// <summary>
/// A DataHub charge (subscription D01, fee D02, tariff D03) of one owner: its definition and its effective-dated
/// prices, each kept with the instant it was received. Key: <see cref="ChargeKeys.Of"/> (owner GLN, type, code).
/// </summary>
[Alias("BiO.IChargeGrain")]
public interface IChargeGrain : IGrainWithStringKey
{
    /// <summary>Applies a charge definition (NotifyPriceList D18); the same document id again changes nothing.</summary>
    [Alias("Define")]
    Task DefineAsync(ChargeDefinition definition);

    /// <summary>Applies a price series (NotifyPriceList D08); the same document id again changes nothing.</summary>
    [Alias("ReceivePrices")]
    Task ReceivePricesAsync(ChargePriceSeries prices);

    /// <summary>The prices in force for a period as known at an instant (now when null).</summary>
    [Alias("GetPrices")]
    Task<ChargePricesView> GetPricesAsync(ChargePriceQuery query);
}

/// <summary>Charge keys: "{owner GLN}-{D01|D02|D03}-{code}".</summary>
public static class ChargeKeys
{
    public static string Of(string ownerGln, string typeCode, string code) => $"{ownerGln}-{typeCode}-{code}";
}

/// <summary>A charge's definition as DataHub sends it.</summary>
/// <param name="Resolution">PT15M or PT1H or P1D for tariffs, P1M for subscriptions and fees.</param>
[GenerateSerializer, Immutable, Alias("BiO.ChargeDefinition")]
public sealed record ChargeDefinition(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string OwnerGln,
    [property: Id(2)] string TypeCode,
    [property: Id(3)] string Code,
    [property: Id(4)] string Resolution,
    [property: Id(5)] bool IsTax,
    [property: Id(6)] string Name);

/// <summary>Prices of a charge from their instants on (6 decimals), as received at an instant.</summary>
[GenerateSerializer, Immutable, Alias("BiO.ChargePriceSeries")]
public sealed record ChargePriceSeries(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] Instant ReceivedAt,
    [property: Id(2)] IReadOnlyList<ChargePrice> Prices);

/// <summary>A price from an instant on; in a view, with the instant it was received (its version).</summary>
[GenerateSerializer, Immutable, Alias("BiO.ChargePrice")]
public sealed record ChargePrice([property: Id(0)] Instant From, [property: Id(1)] decimal Price, [property: Id(2)] Instant? ReceivedAt = null);

/// <summary>Asks for the prices in force in a period, as known at an instant.</summary>
[GenerateSerializer, Immutable, Alias("BiO.ChargePriceQuery")]
public sealed record ChargePriceQuery([property: Id(0)] Interval Period, [property: Id(1)] Instant? KnownAt = null);

/// <summary>The prices in force in a period: the one carried into its start (if any) and those starting inside it.</summary>
[GenerateSerializer, Immutable, Alias("BiO.ChargePricesView")]
public sealed record ChargePricesView(
    [property: Id(0)] string Key,
    [property: Id(1)] ChargeDefinition? Definition,
    [property: Id(2)] Instant KnownAt,
    [property: Id(3)] IReadOnlyList<ChargePrice> Prices);
