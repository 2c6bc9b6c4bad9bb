using BiO.Domain.Time;

namespace BiO.Demo;

/// <summary>
/// A household's consumption through a day, in Wh per position: a weekday or weekend shape by local hour (night low,
/// morning bump, evening peak 17-21), a season factor by month (a heat pump's much stronger), night charging of an
/// electric car on most nights, and noise per hour and quarter-hour. Never negative.
/// </summary>
internal static class ConsumptionProfile
{
    private static readonly double[] Weekday = Normalised(
        [0.55, 0.50, 0.47, 0.46, 0.47, 0.55, 0.85, 1.15, 0.95, 0.78, 0.72, 0.74, 0.80, 0.74, 0.72, 0.82, 1.05, 1.55, 1.80, 1.62, 1.38, 1.18, 0.95, 0.72]);

    private static readonly double[] Weekend = Normalised(
        [0.60, 0.52, 0.48, 0.46, 0.46, 0.48, 0.55, 0.72, 0.98, 1.12, 1.10, 1.12, 1.15, 1.05, 0.98, 1.00, 1.12, 1.55, 1.75, 1.60, 1.38, 1.20, 0.98, 0.76]);

    private static readonly double[] Season = [1.30, 1.22, 1.08, 0.95, 0.85, 0.78, 0.76, 0.80, 0.90, 1.02, 1.18, 1.32];

    private static readonly double[] HeatPumpSeason = [1.90, 1.75, 1.40, 1.00, 0.60, 0.35, 0.30, 0.35, 0.55, 0.95, 1.45, 1.85];

    /// <summary>The true consumption of <paramref name="point"/> on <paramref name="day"/>, in Wh per position of its resolution.</summary>
    public static int[] Wh(int seed, DemoMeteringPoint point, DemoDay day)
    {
        var random = new DemoRandom(seed, 2, point.Index, day.Number);
        var quarters = point.Resolution == Resolution.QuarterHour;
        var values = new int[day.Positions(point.Resolution)];
        var shape = day.Weekend ? Weekend : Weekday;
        var month = day.Date.Month - 1;
        var carKwh = point.ElectricCar ? 2_200.0 / 365 : 0;
        var baseKwh = (point.AnnualKwh - carKwh * 365 - (point.HeatPump ? 3_500 : 0)) / 8_760.0;
        var heatKwh = point.HeatPump ? 3_500 / 8_760.0 : 0;
        var charging = point.ElectricCar && random.Chance(0.6);
        Span<double> split = stackalloc double[4];
        for (var h = 0; h < day.Hours; h++)
        {
            var local = day.LocalHours[h];
            var kwh = (baseKwh * Season[month] * shape[local]) + (heatKwh * HeatPumpSeason[month] * (local is >= 6 and <= 9 or >= 16 and <= 21 ? 1.2 : 0.85));
            if (charging && local <= 4)
            {
                kwh += carKwh / 0.6 / 5;
            }

            var wh = kwh * 1_000 * (0.75 + (0.5 * random.NextDouble()));
            if (!quarters)
            {
                values[h] = (int)Math.Round(wh, MidpointRounding.AwayFromZero);
                continue;
            }

            var total = 0.0;
            for (var q = 0; q < 4; q++)
            {
                split[q] = 0.8 + (0.4 * random.NextDouble());
                total += split[q];
            }

            for (var q = 0; q < 4; q++)
            {
                values[(h * 4) + q] = (int)Math.Round(wh * split[q] / total, MidpointRounding.AwayFromZero);
            }
        }

        return values;
    }

    private static double[] Normalised(double[] shape)
    {
        var mean = shape.Average();
        return shape.Select(s => s / mean).ToArray();
    }
}
