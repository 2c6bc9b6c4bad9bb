using BenchmarkDotNet.Attributes;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Bench.Kernels;

/// <summary>
/// Rates one metering point-month of PT15M data (March 2026: 2,972 quarter-hours, a DST month) against ten price
/// elements: spot (PT15M), supplier markup with time-of-use, supplier subscription, grid tariff (PT1H), Energinet
/// transmission and system tariffs (PT1H), electricity tax (PT1H, tax), a daily tariff, grid and Energinet
/// subscriptions. Values rated per second = 2,972 / mean time.
/// </summary>
[MemoryDiagnoser]
public class RatingBenchmarks
{
    private const string Mp = "571313000000002000";
    private RatingInput input = null!;
    private PriceElement[] elements = null!;

    public const int QuarterHours = 2972;

    [GlobalSetup]
    public void Setup()
    {
        var received = Instant.FromUtc(2026, 4, 2, 0, 0);
        var period = BillingPeriod.Of(new YearMonth(2026, 3));
        var quarters = Resolution.QuarterHour.Intervals(period.Utc);
        var hours = Resolution.Hour.Intervals(period.Utc);
        var days = Resolution.Day.Intervals(period.Utc);
        var version = new SeriesVersion("v1", received, period.Utc.Start, Resolution.QuarterHour,
            quarters.Select((_, i) => new SeriesPoint(i + 1, new Quantity(0.1m + (i % 17 * 0.013m)))).ToList());
        input = new RatingInput(Mp, period, period.Utc, new MeteringPointSeries(Mp).With(version).AsKnownAt(received, period.Utc));

        var spot = PriceHistory.Of(received, quarters.Select((q, i) => (q.Start, 0.4m + (i % 96 * 0.001234m))));
        var winter = Enumerable.Range(1, 12).ToHashSet();
        var list = new SupplierPriceList("FLEX", [new PriceListVersion(new LocalDate(2025, 1, 1), new UnitPrice(0.0625m), new UnitPrice(39m),
        [
            new TimeOfUseWindow("low", winter, new LocalTime(0, 0), new LocalTime(6, 0), new UnitPrice(0.02m)),
            new TimeOfUseWindow("peak", winter, new LocalTime(17, 0), new LocalTime(21, 0), new UnitPrice(0.12m)),
        ])]);
        ChargeElement Charge(string owner, string code, ChargeType type, Resolution resolution, IEnumerable<(Instant, decimal)> prices, bool tax = false)
        {
            var key = new ChargeKey(owner, code, type);
            return new ChargeElement(new Charge(key, resolution, tax), new ChargeLink(key, Mp, 1, Instant.FromUtc(2020, 1, 1, 0, 0), null), PriceHistory.Of(received, prices).AsKnownAt(received));
        }

        var hourly = (decimal low, decimal high) => hours.Select((h, i) => (h.Start, i % 24 < 6 ? low : high));
        var monthStart = period.Utc.Start;
        elements =
        [
            new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spot), spot.AsKnownAt(received)),
            new SupplierMarkupElement("markup", list, received),
            new SupplierSubscriptionElement("subscription", list, received),
            Charge("5790000610976", "T-NET", ChargeType.Tariff, Resolution.Hour, hourly(0.1083m, 0.3250m)),
            Charge("5790000432752", "40000", ChargeType.Tariff, Resolution.Hour, hourly(0.049m, 0.049m)),
            Charge("5790000432752", "41000", ChargeType.Tariff, Resolution.Hour, hourly(0.051m, 0.051m)),
            Charge("5790000432752", "EA-001", ChargeType.Tariff, Resolution.Hour, hourly(0.008m, 0.008m), tax: true),
            Charge("5790000610976", "D-NET", ChargeType.Tariff, Resolution.Day, days.Select(d => (d.Start, 0.01m))),
            Charge("5790000610976", "S-NET", ChargeType.Subscription, Resolution.Month, [(monthStart, 45m)]),
            Charge("5790000432752", "S-EN", ChargeType.Subscription, Resolution.Month, [(monthStart, 15m)]),
        ];
    }

    [Benchmark(Baseline = true, Description = "rate 1 MP-month PT15M x 10 elements")]
    public Settlement RateMeteringPointMonth()
    {
        // A fresh resolved series each time, so hour and day sums are computed inside the measurement.
        var usage = new ResolvedSeries(input.MeteringPointId, input.Usage!.Period, input.Usage.KnownAt, input.Usage.Values);
        return Rater.Rate(new RatingInput(input.MeteringPointId, input.Period, input.Supply, usage), elements);
    }

    /// <summary>The same, then every settlement line read (lines are built on first read, e.g. for an invoice specification).</summary>
    [Benchmark(Description = "rate and read every line")]
    public int RateAndReadEveryLine()
    {
        var count = 0;
        foreach (var element in RateMeteringPointMonth().Elements)
        {
            foreach (var line in element.Lines)
            {
                count += line.Qualities == QualitySet.None ? 0 : 1;
            }
        }

        return count;
    }
}
