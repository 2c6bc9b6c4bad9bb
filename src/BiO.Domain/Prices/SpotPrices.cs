using BiO.Domain.Time;

namespace BiO.Domain.Prices;

/// <summary>A bidding zone ("prisområde"): DK1 west of the Great Belt, DK2 east.</summary>
public enum PriceArea
{
    DK1 = 1,
    DK2 = 2,
}

/// <summary>Day-ahead spot prices of one price area in DKK/kWh per interval (PT15M since 1 Oct 2025, PT1H before).</summary>
public sealed record SpotPrices
{
    /// <exception cref="ArgumentException">A resolution other than PT15M or PT1H.</exception>
    public SpotPrices(PriceArea area, Resolution resolution, PriceHistory prices)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(prices);
        if (!resolution.IsFixed)
        {
            throw new ArgumentException($"Spot prices are PT15M or PT1H, got {resolution}.", nameof(resolution));
        }

        Area = area;
        Resolution = resolution;
        Prices = prices;
    }

    public PriceArea Area { get; }

    public Resolution Resolution { get; }

    public PriceHistory Prices { get; }
}
