using NodaTime;

namespace BiO.Grains.Spot;

/// <summary>
/// The day-ahead spot prices of one price area for one local (Europe/Copenhagen) day, each version kept with the instant
/// it was received. Key: <see cref="SpotPriceKeys.Of"/>. One grain per day keeps a message's write cost to its own day.
/// </summary>
[Alias("BiO.ISpotPriceGrain")]
public interface ISpotPriceGrain : IGrainWithStringKey
{
    /// <summary>Applies the prices of the day from one document; the same document id again changes nothing.</summary>
    [Alias("Receive")]
    Task ReceiveAsync(SpotPricesReceived prices);

    /// <summary>Every price point of the day as received (corrections are later points for the same start).</summary>
    [Alias("Get")]
    Task<SpotPricesView> GetAsync();
}

/// <summary>Spot price grain keys: "{DK1|DK2}/{yyyy-MM-dd}" (the local day).</summary>
public static class SpotPriceKeys
{
    public static string Of(string priceArea, LocalDate day) =>
        $"{priceArea}/{day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The spot prices of one area and local day from one document, DKK per kWh (6 decimals), by interval start.</summary>
/// <param name="Resolution">PT15M or PT1H.</param>
[GenerateSerializer, Immutable, Alias("BiO.SpotPricesReceived")]
public sealed record SpotPricesReceived(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string PriceArea,
    [property: Id(2)] LocalDate Day,
    [property: Id(3)] string Resolution,
    [property: Id(4)] Instant ReceivedAt,
    [property: Id(5)] IReadOnlyList<SpotPrice> Prices);

/// <summary>A spot price from an interval's start (DKK per kWh) as received at an instant.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SpotPrice")]
public readonly record struct SpotPrice([property: Id(0)] Instant Start, [property: Id(1)] decimal Price, [property: Id(2)] Instant ReceivedAt);

/// <summary>The spot prices of one area and day as received; <paramref name="Resolution"/> null when none arrived yet.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SpotPricesView")]
public sealed record SpotPricesView(
    [property: Id(0)] string PriceArea,
    [property: Id(1)] LocalDate Day,
    [property: Id(2)] string? Resolution,
    [property: Id(3)] IReadOnlyList<SpotPrice> Prices);

/// <summary>
/// The spot prices of a price area for a month, gathered from its day grains (key "{DK1|DK2}/{yyyy-MM}"). A stateless
/// worker on every silo keeps the answer for a few seconds, so a bill run's metering points share one read per area.
/// </summary>
[Alias("BiO.ISpotPriceMonthGrain")]
public interface ISpotPriceMonthGrain : IGrainWithStringKey
{
    /// <summary>The month as read at or after <paramref name="readNoEarlierThan"/> (a kept answer read before is read again).</summary>
    [Alias("Get")]
    Task<SpotPricesView> GetAsync(NodaTime.Instant readNoEarlierThan);
}
