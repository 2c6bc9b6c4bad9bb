using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Rating;

/// <summary>
/// The rating engine against a straightforward reference computation of DataHub's rules (per value, by dictionary
/// lookups and local-time conversion of every interval) on random months, usage, prices, price lists and supply:
/// every line, every missing item and the totals (value and scale) must be the same.
/// </summary>
public class ReferenceRatingTests
{
    private const string Mp = "571313000000002000";
    private const string Grid = "5790000610976";
    private static readonly Duration Quarter = Duration.FromMinutes(15);
    private static readonly YearMonth[] Months = [new(2026, 3), new(2026, 10), new(2026, 2), new(2025, 12), new(2026, 6)];

    [Fact]
    public void Every_element_rates_as_the_reference_computation_on_random_inputs()
    {
        Gen.Int.Sample(seed => Check(Scenario.Random(seed)), iter: 60);
    }

    private static void Check(Scenario s)
    {
        var settlement = Rater.Rate(s.Input, s.Elements);
        var expected = Reference(s);
        Assert.Equal(expected.Count, settlement.Elements.Count);
        for (var e = 0; e < expected.Count; e++)
        {
            var (lines, missing) = expected[e];
            var actual = settlement.Elements[e];
            Assert.Equal(lines, actual.Lines);
            Assert.Equal(missing, actual.Missing);
            Assert.Equal(lines.Count, actual.Lines.Count);
            var total = lines.Aggregate(0m, (sum, l) => sum + l.Amount.Value);
            var quantity = lines.Aggregate(0m, (sum, l) => sum + l.Quantity.Value);
            Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.Total.ToString());
            Assert.Equal(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.TotalQuantity.ToString());
        }
    }

    private static List<(List<SettlementLine> Lines, List<MissingItem> Missing)> Reference(Scenario s)
    {
        var window = RatingInput.Overlap(s.Input.Period.Utc, s.Input.Supply)!.Value;
        var values = s.Input.Usage!.Values;
        var result = new List<(List<SettlementLine>, List<MissingItem>)>();
        Interval Linked(ChargeElement charge) => RatingInput.Overlap(window, charge.Link.Effective)!.Value;
        foreach (var element in s.Elements)
        {
            result.Add(element switch
            {
                SpotElement spot => Intervals(spot.ElementId, values, window, v =>
                {
                    // A coarser interval: the mean of its quarter-hours' prices, all needed, rounded once to 6 decimals.
                    var starts = Enumerable.Range(0, (int)((v.End - v.Start) / Quarter)).Select(i => v.Start + (Quarter * i)).ToList();
                    return starts.All(s.Spot.ContainsKey)
                        ? (null, UnitPrice.RoundedFrom(starts.Average(t => s.Spot[t].Value)), s.Received)
                        : (MissingKind.Price, default, default);
                }),
                SupplierMarkupElement markup => Intervals(markup.ElementId, values, window, v =>
                {
                    var local = v.Start.InZone(BillingTime.Zone).LocalDateTime;
                    var version = s.PriceList.Versions.LastOrDefault(x => x.EffectiveFrom <= local.Date);
                    if (version is null)
                    {
                        return (MissingKind.Price, default, default);
                    }

                    var tou = version.Windows.FirstOrDefault(w => w.Months.Contains(local.Month) && local.TimeOfDay >= w.From && (w.To == LocalTime.Midnight || local.TimeOfDay < w.To));
                    return (null, tou?.Price ?? version.Markup, markup.PriceListVersion);
                }),
                SupplierSubscriptionElement sub => Daily(sub.ElementId, s, window, 1, date =>
                    s.PriceList.Versions.LastOrDefault(x => x.EffectiveFrom <= date) is { } v ? (v.MonthlySubscription.Value, sub.PriceListVersion) : null),
                ChargeElement charge when RatingInput.Overlap(window, charge.Link.Effective) is not { } linked => ([], []),
                ChargeElement { Charge.Key.Type: ChargeType.Subscription } sub => Daily(sub.ElementId, s, Linked(sub), sub.Link.Factor, date =>
                    s.Subscription.Where(p => p.Time <= BillingTime.Day(date).Start).OrderBy(p => p.Time).Select(p => ((decimal, Instant)?)(p.Price, s.Received)).LastOrDefault()),
                ChargeElement { Charge.Resolution: var r } tariff when r == Resolution.QuarterHour => Intervals(tariff.ElementId, values, Linked(tariff), v =>
                    v.End - v.Start != Quarter ? (MissingKind.Resolution, default, default)
                    : s.Tariffs[tariff.Charge.Key.Code].TryGetValue(v.Start, out var p) ? (null, p, s.Received) : (MissingKind.Price, default, default)),
                ChargeElement tariff => Sums(tariff, s, Linked(tariff)),
                _ => throw new InvalidOperationException(element.ElementId),
            });
        }

        return result;
    }

    private static (List<SettlementLine>, List<MissingItem>) Intervals(string id, IReadOnlyList<MeterValue> values, Interval window, Func<MeterValue, (MissingKind?, UnitPrice, Instant)> priceOf)
    {
        var lines = new List<SettlementLine>();
        var missing = new List<MissingItem>();
        var cursor = window.Start;
        foreach (var v in values.Where(v => v.Start >= window.Start && v.End <= window.End))
        {
            if (v.Start > cursor)
            {
                missing.Add(new MissingItem(id, new Interval(cursor, v.Start), MissingKind.MeterData));
            }

            cursor = v.End;
            var (gap, price, version) = priceOf(v);
            if (v.Quantity is null || gap is not null)
            {
                missing.Add(new MissingItem(id, new Interval(v.Start, v.End), v.Quantity is null ? MissingKind.MeterData : gap!.Value));
                continue;
            }

            var q = v.Quantity.Value;
            lines.Add(new SettlementLine(v.Start, v.End, q, price, new Amount(decimal.Round(q.Value * price.Value, 6, MidpointRounding.AwayFromZero)), v.Quality.AsSet(), v.ReceivedAt, version));
        }

        if (cursor < window.End)
        {
            missing.Add(new MissingItem(id, new Interval(cursor, window.End), MissingKind.MeterData));
        }

        return (lines, missing);
    }

    private static (List<SettlementLine>, List<MissingItem>) Sums(ChargeElement tariff, Scenario s, Interval window)
    {
        var id = tariff.ElementId;
        var lines = new List<SettlementLine>();
        var missing = new List<MissingItem>();
        var buckets = tariff.Charge.Resolution == Resolution.Hour
            ? Resolution.Hour.Intervals(s.Input.Period.Utc)
            : s.Input.Period.Days().Select(d => d.Utc).ToList();
        var prices = s.Tariffs[tariff.Charge.Key.Code];
        foreach (var bucket in buckets.Where(b => b.Start >= window.Start && b.End <= window.End))
        {
            var inside = s.Input.Usage!.Values.Where(v => v.Start >= bucket.Start && v.End <= bucket.End).ToList();
            var complete = inside.All(v => v.Quantity is not null) && inside.Sum(v => (v.End - v.Start).BclCompatibleTicks) == bucket.Duration.BclCompatibleTicks;
            var hasPrice = prices.TryGetValue(bucket.Start, out var price);
            if (!hasPrice)
            {
                missing.Add(new MissingItem(id, bucket, MissingKind.Price));
            }

            if (!complete)
            {
                missing.Add(new MissingItem(id, bucket, MissingKind.MeterData));
                continue;
            }

            if (hasPrice)
            {
                var q = inside.Aggregate(0m, (sum, v) => sum + v.Quantity!.Value.Value) * tariff.Link.Factor;
                var qualities = inside.Aggregate(QualitySet.None, (set, v) => set | v.Quality.AsSet());
                var latest = inside.Max(v => v.ReceivedAt);
                lines.Add(new SettlementLine(bucket.Start, bucket.End, new Quantity(q), price, new Amount(decimal.Round(q * price.Value, 6, MidpointRounding.AwayFromZero)), qualities, latest, s.Received));
            }
        }

        return (lines, missing);
    }

    private static (List<SettlementLine>, List<MissingItem>) Daily(string id, Scenario s, Interval window, int factor, Func<LocalDate, (decimal Monthly, Instant Version)?> monthly)
    {
        var lines = new List<SettlementLine>();
        var missing = new List<MissingItem>();
        foreach (var (date, day) in s.Input.Period.Days().Where(d => d.Utc.Start >= window.Start && d.Utc.End <= window.End))
        {
            if (monthly(date) is not { } known)
            {
                missing.Add(new MissingItem(id, day, MissingKind.Price));
                continue;
            }

            var daily = decimal.Round(known.Monthly / date.Calendar.GetDaysInMonth(date.Year, date.Month), 6, MidpointRounding.AwayFromZero);
            lines.Add(new SettlementLine(day.Start, day.End, new Quantity(factor), new UnitPrice(daily), new Amount(daily * factor), QualitySet.None, null, known.Version));
        }

        return (lines, missing);
    }

    /// <summary>A random point-month: PT1H data overlaid in parts by a newer PT15M version, gaps, prices with holes.</summary>
    private sealed record Scenario(
        RatingInput Input,
        PriceElement[] Elements,
        Instant Received,
        Dictionary<Instant, UnitPrice> Spot,
        Dictionary<string, Dictionary<Instant, UnitPrice>> Tariffs,
        List<(Instant Time, decimal Price)> Subscription,
        SupplierPriceList PriceList)
    {
        public static Scenario Random(int seed)
        {
            var random = new Random(seed);
            var month = Months[random.Next(Months.Length)];
            var period = BillingPeriod.Of(month);
            var received = period.Utc.End + Duration.FromDays(2);
            var hours = Resolution.Hour.Intervals(period.Utc);
            var quarters = Resolution.QuarterHour.Intervals(period.Utc);
            decimal Q() => random.Next(-200, 5000) / 1000m;
            decimal P() => random.Next(-500_000, 3_000_000) / 1_000_000m;
            Quality RandomQuality() => (Quality)new[] { 1, 3, 4, 4, 4, 5, 6 }[random.Next(7)];
            SeriesPoint Point(int position) =>
                random.Next(40) == 0 ? new SeriesPoint(position, null, BiO.Domain.TimeSeries.Quality.NotAvailable) : new SeriesPoint(position, new Quantity(Q()), RandomQuality());

            var series = new MeteringPointSeries(Mp);
            var hourly = Enumerable.Range(1, hours.Count).Where(_ => random.Next(30) != 0).Select(Point).ToList();
            series = series.With(new SeriesVersion("h", received - Duration.FromDays(1), period.Utc.Start, Resolution.Hour, hourly));
            var fromQuarter = random.Next(quarters.Count / 2) / 4 * 4;
            var quarterly = Enumerable.Range(fromQuarter + 1, quarters.Count - fromQuarter).Where(_ => random.Next(50) != 0).Select(Point).ToList();
            series = series.With(new SeriesVersion("q", received, period.Utc.Start, Resolution.QuarterHour, quarterly));
            var days = period.Days();
            var first = random.Next(days.Count);
            var last = random.Next(first, days.Count);
            var supply = random.Next(3) == 0 ? period.Utc : new Interval(days[first].Utc.Start, days[last].Utc.End);
            var input = new RatingInput(Mp, period, supply, series.AsKnownAt(received, period.Utc));

            Dictionary<Instant, UnitPrice> Prices(IEnumerable<Interval> intervals) =>
                intervals.Where(_ => random.Next(60) != 0).ToDictionary(i => i.Start, _ => new UnitPrice(P()));
            var spot = Prices(quarters);
            var tariffs = new Dictionary<string, Dictionary<Instant, UnitPrice>>
            {
                ["T-HOUR"] = Prices(hours),
                ["T-DAY"] = Prices(days.Select(d => d.Utc)),
                ["T-QUARTER"] = Prices(quarters),
            };
            var subscription = new List<(Instant, decimal)> { (period.Utc.Start - Duration.FromDays(random.Next(-3, 40)), P() * 100), (days[random.Next(days.Count)].Utc.Start, P() * 100) }
                .DistinctBy(p => p.Item1).ToList();

            HashSet<int> SomeMonths() => Enumerable.Range(1, 12).Where(_ => random.Next(3) != 0).DefaultIfEmpty(month.Month).ToHashSet();
            TimeOfUseWindow Window(string name)
            {
                var from = new LocalTime(random.Next(24), random.Next(4) * 15);
                var to = random.Next(4) == 0 ? LocalTime.Midnight : from.PlusMinutes(15 * random.Next(1, 40));
                return new TimeOfUseWindow(name, SomeMonths(), from, to <= from && to != LocalTime.Midnight ? LocalTime.Midnight : to, new UnitPrice(P()));
            }

            var priceList = new SupplierPriceList("FLEX",
            [
                new PriceListVersion(days[0].Date.PlusDays(random.Next(-5, 3)), new UnitPrice(P()), new UnitPrice(39m), [Window("low"), Window("peak")]),
                new PriceListVersion(days[random.Next(3, days.Count)].Date, new UnitPrice(P()), new UnitPrice(49m), [Window("peak")]),
            ]);

            ChargeElement Charge(string code, ChargeType type, Resolution resolution, IEnumerable<(Instant, decimal)> prices, int factor)
            {
                var key = new ChargeKey(Grid, code, type);
                return new ChargeElement(new Charge(key, resolution, false), new ChargeLink(key, Mp, factor, days[random.Next(3)].Utc.Start, null),
                    PriceHistory.Of(received, prices).AsKnownAt(received));
            }

            var spotHistory = PriceHistory.Of(received, spot.Select(p => (p.Key, p.Value.Value)));
            PriceElement[] elements =
            [
                new SpotElement("spot", new SpotPrices(PriceArea.DK1, Resolution.QuarterHour, spotHistory), spotHistory.AsKnownAt(received)),
                new SupplierMarkupElement("markup", priceList, received),
                new SupplierSubscriptionElement("subscription", priceList, received),
                Charge("T-HOUR", ChargeType.Tariff, Resolution.Hour, tariffs["T-HOUR"].Select(p => (p.Key, p.Value.Value)), random.Next(1, 3)),
                Charge("T-DAY", ChargeType.Tariff, Resolution.Day, tariffs["T-DAY"].Select(p => (p.Key, p.Value.Value)), random.Next(1, 3)),
                Charge("T-QUARTER", ChargeType.Tariff, Resolution.QuarterHour, tariffs["T-QUARTER"].Select(p => (p.Key, p.Value.Value)), 1),
                Charge("S-NET", ChargeType.Subscription, Resolution.Month, subscription, random.Next(1, 4)),
            ];
            return new Scenario(input, elements, received, spot, tariffs, subscription, priceList);
        }
    }
}
