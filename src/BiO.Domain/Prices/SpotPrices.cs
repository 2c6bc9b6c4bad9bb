using NodaTime;
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

    /// <summary>The prices split by local (Europe/Copenhagen) day of their interval start, each day ascending.</summary>
    public IReadOnlyList<(LocalDate Day, IReadOnlyList<PricePoint> Prices)> ByDay() =>
        Prices.Points.GroupBy(p => BillingTime.DayOf(p.Time)).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<PricePoint>)g.OrderBy(p => p.Time).ToList()))
            .ToList();

    /// <summary>
    /// The spot prices of one area for one local day as a whole: every start inside the day and on the resolution's grid.
    /// </summary>
    /// <exception cref="ArgumentException">A price outside the day or off the grid; the message says which.</exception>
    public static SpotPrices OfDay(PriceArea area, LocalDate day, Resolution resolution, PriceHistory prices)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(prices);
        var interval = BillingTime.Day(day);
        foreach (var point in prices.Points)
        {
            if (!interval.Contains(point.Time) || (point.Time - interval.Start).BclCompatibleTicks % resolution.FixedLength!.Value.BclCompatibleTicks != 0)
            {
                throw new ArgumentException($"Spot price {area} at {point.Time} is not a {resolution.Code} interval start of {day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(prices));
            }
        }

        return new SpotPrices(area, resolution, prices);
    }
}
