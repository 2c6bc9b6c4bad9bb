using BiO.Domain.Money;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>
/// One rated interval or day of a price element ("afregningslinje"): quantity x price = amount (6 decimals), the
/// interval it belongs to, the qualities of the data, and which data and price versions (received instants) were used.
/// </summary>
public readonly record struct SettlementLine(
    Instant Start,
    Instant End,
    Quantity Quantity,
    UnitPrice Price,
    Amount Amount,
    QualitySet Qualities,
    Instant? DataVersion,
    Instant PriceVersion);

/// <summary>What is missing for a settlement.</summary>
public enum MissingKind
{
    /// <summary>No quantity for the interval (never received, or A02).</summary>
    MeterData = 1,

    /// <summary>No price for the interval (tariffs and spot are never carried forward).</summary>
    Price = 2,

    /// <summary>The meter data is coarser than the price (e.g. PT1H data against PT15M prices).</summary>
    Resolution = 3,
}

/// <summary>A readiness gap: the element, the interval or day, and what is missing.</summary>
public readonly record struct MissingItem(string ElementId, Interval Interval, MissingKind Kind);
