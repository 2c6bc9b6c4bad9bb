using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Readiness;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Tests.Readiness;

/// <summary>
/// A metering point, 571313000000002000 in DK1, with a month of quarter-hour data, Energinet's hourly tariff 40000
/// and spot DK1 per quarter-hour; each test takes out what it needs missing.
/// </summary>
internal sealed record ReadinessFixture
{
    public const string Mp = "571313000000002000";
    public const string Energinet = "5790000432752";
    public static readonly Gsrn Gsrn = Gsrn.Parse(Mp);
    public static readonly Instant Received = Instant.FromUtc(2026, 1, 1, 0, 0);

    public ReadinessFixture(YearMonth month) => Period = BillingPeriod.Of(month);

    public BillingPeriod Period { get; }

    public IReadOnlyList<Interval> Supplied { get; init; } = [new Interval(Instant.FromUtc(2020, 1, 1, 0, 0), null)];

    public Instant? MasterDataFrom { get; init; } = Instant.FromUtc(2020, 1, 1, 0, 0);

    public ContractedPeriods? Contract { get; init; }

    /// <summary>Quarter-hours inside these intervals are sent as A02 (no quantity).</summary>
    public IReadOnlyList<Interval> NoQuantity { get; init; } = [];

    /// <summary>Quarter-hours inside these intervals are never sent.</summary>
    public IReadOnlyList<Interval> NotSent { get; init; } = [];

    public Resolution DataResolution { get; init; } = Resolution.QuarterHour;

    public IReadOnlyList<Interval> TariffUnpriced { get; init; } = [];

    public IReadOnlyList<Interval> SpotUnpriced { get; init; } = [];

    public bool WithSubscription { get; init; }

    public IReadOnlyList<Interval> SubscriptionUnpricedBefore { get; init; } = [];

    public ReadinessInput Input()
    {
        var supply = SupplyPeriods.Empty;
        var n = 0;
        foreach (var s in Supplied)
        {
            supply = supply.With(new SupplyChange($"start{++n}", SupplyEvent.ChangeOfSupplier, s.Start));
            if (s.HasEnd)
            {
                supply = supply.With(new SupplyChange($"end{n}", SupplyEvent.EndOfSupply, s.End));
            }
        }

        var masterData = MasterDataFrom is { } from
            ? MasterDataHistory.Empty.With(new MasterData(Gsrn, "E17", SettlementMethod.NonProfiled, "344", "DK1", from))
            : MasterDataHistory.Empty;
        var elements = new List<PriceElement> { Tariff("40000", Resolution.Hour, TariffUnpriced), Spot() };
        if (WithSubscription)
        {
            elements.Add(Subscription());
        }

        return new ReadinessInput(Gsrn, Period, supply, masterData, Contract ?? ContractedPeriods.Over(Period.Utc), Usage(), elements);
    }

    public ReadinessReport Assess() => ReadinessCheck.Assess(Input());

    private ResolvedSeries Usage()
    {
        var points = new List<SeriesPoint>();
        var intervals = DataResolution.Intervals(Period.Utc);
        for (var i = 0; i < intervals.Count; i++)
        {
            if (Inside(NotSent, intervals[i]))
            {
                continue;
            }

            points.Add(Inside(NoQuantity, intervals[i])
                ? new SeriesPoint(i + 1, null, Quality.NotAvailable)
                : new SeriesPoint(i + 1, new Quantity(0.25m)));
        }

        var version = new SeriesVersion("v1", Received, Period.Utc.Start, DataResolution, points);
        return new MeteringPointSeries(Mp).With(version).AsKnownAt(Received, Period.Utc);
    }

    private ChargeElement Tariff(string code, Resolution resolution, IReadOnlyList<Interval> unpriced)
    {
        var key = new ChargeKey(Energinet, code, ChargeType.Tariff);
        var prices = resolution.Intervals(Period.Utc).Where(i => !Inside(unpriced, i)).Select(i => (i.Start, 0.1m));
        return new ChargeElement(new Charge(key, resolution, false), Link(key), PriceHistory.Of(Received, prices).AsKnownAt(Received));
    }

    private ChargeElement Subscription()
    {
        var key = new ChargeKey(Energinet, "45013", ChargeType.Subscription);
        var from = SubscriptionUnpricedBefore.Count > 0 ? SubscriptionUnpricedBefore[0].End : Period.Utc.Start;
        return new ChargeElement(new Charge(key, Resolution.Month, false), Link(key), PriceHistory.Of(Received, [(from, 15m)]).AsKnownAt(Received));
    }

    private SpotElement Spot()
    {
        var prices = Resolution.QuarterHour.Intervals(Period.Utc).Where(i => !Inside(SpotUnpriced, i)).Select(i => (i.Start, 0.9m));
        var history = PriceHistory.Of(Received, prices);
        return new SpotElement("spot-DK1", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, history), history.AsKnownAt(Received));
    }

    private static ChargeLink Link(ChargeKey key) => new(key, Mp, 1, Instant.FromUtc(2020, 1, 1, 0, 0), null);

    private static bool Inside(IReadOnlyList<Interval> intervals, Interval i) =>
        intervals.Any(x => x.Start <= i.Start && i.End <= x.End);

    /// <summary>A UTC interval from hand-written UTC times within a month.</summary>
    public static Interval Utc(int year, int month, int day, int hour, int minute, int toDay, int toHour, int toMinute) =>
        Utc(year, month, day, hour, minute, month, toDay, toHour, toMinute);

    /// <summary>A UTC interval from hand-written UTC times, ending in <paramref name="toMonth"/> of the same year.</summary>
    public static Interval Utc(int year, int month, int day, int hour, int minute, int toMonth, int toDay, int toHour, int toMinute) =>
        new(Instant.FromUtc(year, month, day, hour, minute), Instant.FromUtc(year, toMonth, toDay, toHour, toMinute));
}
