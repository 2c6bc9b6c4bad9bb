using BiO.Domain.Prices;
using BiO.Market.Spot;
using NodaTime;

namespace BiO.Demo;

/// <summary>
/// Day-ahead spot prices of the demo month per price area: PT15M from delivery day 1 October 2025, PT1H before.
/// A level by month (winter dearer), a windy or calm day (shared by DK1 and DK2), a daily shape (morning and evening
/// peaks), a solar dip at midday in summer that now and then goes below zero, DK2 a little dearer, noise per interval.
/// EUR per MWh with 2 decimals; DKK at a fixed demo rate of 7.4604 with 5 decimals.
/// </summary>
public static class DemoSpotPrices
{
    /// <summary>The first delivery day of 15-minute day-ahead prices.</summary>
    public static Instant QuarterHourFrom { get; } = Instant.FromUtc(2025, 9, 30, 22, 0);

    private const decimal EurDkk = 7.4604m;
    private static readonly double[] Level = [820, 760, 640, 560, 480, 460, 520, 560, 620, 700, 780, 840];
    private static readonly double[] Shape =
        [0.78, 0.74, 0.72, 0.71, 0.73, 0.82, 0.98, 1.18, 1.22, 1.08, 0.98, 0.92, 0.88, 0.86, 0.88, 0.95, 1.08, 1.30, 1.38, 1.25, 1.10, 0.98, 0.90, 0.84];

    /// <summary>The prices of <paramref name="area"/> for the month, in time order.</summary>
    public static IReadOnlyList<DayAheadPrice> Of(DemoOptions options, PriceArea area)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Records(options.Seed, DemoDay.Of(options.Month), area).Select(r => new DayAheadPrice(r.Start, r.Area, r.Dkk)).ToList();
    }

    internal static IReadOnlyList<(Instant Start, PriceArea Area, decimal Eur, decimal Dkk)> Records(int seed, DemoDay[] days, PriceArea area)
    {
        var prices = new List<(Instant, PriceArea, decimal, decimal)>(days.Length * 100);
        foreach (var day in days)
        {
            var quarter = day.Utc.Start >= QuarterHourFrom;
            var steps = quarter ? 4 : 1;
            var month = day.Date.Month - 1;
            var shared = new DemoRandom(seed, 7, day.Number);
            var wind = 0.45 + (1.1 * shared.NextDouble());
            var sunny = month is >= 3 and <= 8 && shared.Chance(0.6);
            var noise = new DemoRandom(seed, 8, day.Number, (long)area);
            for (var h = 0; h < day.Hours; h++)
            {
                var local = day.LocalHours[h];
                var dkk = Level[month] * wind * Shape[local] * (area == PriceArea.DK2 ? 1.06 : 1.0);
                if (sunny && local is >= 10 and <= 15)
                {
                    dkk = (dkk * 0.45) - 180;
                }

                for (var q = 0; q < steps; q++)
                {
                    var value = dkk * (0.94 + (0.12 * noise.NextDouble()));
                    var eur = decimal.Round((decimal)value / EurDkk, 2, MidpointRounding.AwayFromZero);
                    var start = day.Utc.Start + Duration.FromMinutes((h * 60) + (q * 15 * (quarter ? 1 : 0)));
                    prices.Add((start, area, eur, decimal.Round(eur * EurDkk, 5, MidpointRounding.AwayFromZero)));
                }
            }
        }

        return prices;
    }
}
