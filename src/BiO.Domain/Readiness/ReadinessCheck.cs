using BiO.Domain.Rating;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>
/// Checks whether a metering point can be settled for a billing period, and says exactly what is missing. Only the
/// supplied part of the period is looked at; it is settled where a contract covers it (the settle windows). Meter
/// data and price gaps are the <see cref="Rater"/>'s missing items over the settle windows, said once per range.
/// </summary>
public static class ReadinessCheck
{
    public static ReadinessReport Assess(ReadinessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var gsrn = input.Gsrn;
        var period = input.Period.Utc;
        var gaps = new List<ReadinessGap>();
        var supplied = IntervalSets.Normalize(input.Supply.Within(period), period);
        if (supplied.Count == 0)
        {
            gaps.Add(new ReadinessGap(GapKind.NotSupplied, period, input.Period.Dates, [], $"{gsrn}: not supplied {GapText.Days(input.Period.Dates)}"));
            return new ReadinessReport(gsrn, input.Period, [], gaps, []);
        }

        var masterDataFrom = input.MasterData.Versions.Count > 0 ? input.MasterData.Versions[0].ValidFrom : (Instant?)null;
        var masterDataKnown = masterDataFrom is { } from ? IntervalSets.Normalize([new Interval(from, null)], period) : [];
        foreach (var (days, span) in IntervalSets.DayRanges(IntervalSets.Subtract(supplied, masterDataKnown)))
        {
            gaps.Add(new ReadinessGap(GapKind.NoMasterData, span, days, [], $"{gsrn}: no master data on {GapText.Days(days)}"));
        }

        var contracted = IntervalSets.Normalize(input.Contract.Contracted, period);
        foreach (var (days, span) in IntervalSets.DayRanges(IntervalSets.Subtract(supplied, contracted)))
        {
            gaps.Add(new ReadinessGap(GapKind.NoContract, span, days, [], $"{gsrn}: no contract {GapText.Days(days)}"));
        }

        if (!input.Contract.HasPayer)
        {
            var span = IntervalSets.Span(supplied);
            gaps.Add(new ReadinessGap(GapKind.NoPayer, span, BillingTime.DaysOf(span), [], $"{gsrn}: no payer"));
        }

        var windows = IntervalSets.Intersect(supplied, contracted);
        var settlements = windows
            .Select(w => Rater.Rate(new RatingInput(gsrn.Value, input.Period, w, input.Usage), input.Elements))
            .ToList();
        var missing = settlements.SelectMany(s => s.Missing).ToList();
        gaps.AddRange(MeterDataGaps(input, missing));
        gaps.AddRange(PriceGaps(input, missing));
        return new ReadinessReport(gsrn, input.Period, windows, gaps.OrderBy(g => g.Kind).ThenBy(g => g.Interval.Start).ToList(), settlements);
    }

    /// <summary>
    /// The meter data intervals (UTC, merged) that are missing for settlement: what a re-request (RSM-015) should ask
    /// DataHub for. See <see cref="MeterDataRequestPeriods"/> for the same widened to whole local days.
    /// </summary>
    public static IReadOnlyList<Interval> MissingMeterData(ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return IntervalSets.Merge(report.Gaps.Where(g => g.Kind == GapKind.MeterData).Select(g => g.Interval));
    }

    /// <summary>
    /// The missing meter data widened to whole local days and merged: RSM-015 periods start and end at local midnight.
    /// </summary>
    public static IReadOnlyList<Interval> MeterDataRequestPeriods(ReadinessReport report) =>
        IntervalSets.Merge(MissingMeterData(report).Select(i => BillingTime.Of(BillingTime.DaysOf(i))));

    /// <summary>
    /// Meter data the elements lack, narrowed to the intervals that really have no quantity (an hourly tariff misses a
    /// whole hour for one missing quarter-hour) and merged across elements: one gap per range, naming every element.
    /// </summary>
    private static IEnumerable<ReadinessGap> MeterDataGaps(ReadinessInput input, IReadOnlyList<MissingItem> missing)
    {
        var items = missing.Where(m => m.Kind == MissingKind.MeterData).ToList();
        if (items.Count == 0)
        {
            yield break;
        }

        var lacking = IntervalSets.Merge(items.Select(m => m.Interval));
        var absent = IntervalSets.Merge(input.Usage.MissingIntervals());
        var ranges = IntervalSets.Intersect(lacking, absent);
        foreach (var range in ranges.Count > 0 ? ranges : lacking)
        {
            var elements = items.Where(m => m.Interval.Start < range.End && m.Interval.End > range.Start).Select(m => m.ElementId).Distinct().ToList();
            yield return new ReadinessGap(GapKind.MeterData, range, BillingTime.DaysOf(range), elements, $"{input.Gsrn} {GapText.Range(range)}: no quantity");
        }
    }

    /// <summary>
    /// Price and resolution gaps per element as people name it (two links of one charge are one charge), merged into
    /// local days or day ranges, in element order.
    /// </summary>
    private static IEnumerable<ReadinessGap> PriceGaps(ReadinessInput input, IReadOnlyList<MissingItem> missing)
    {
        var byId = new Dictionary<string, PriceElement>();
        foreach (var element in input.Elements)
        {
            byId.TryAdd(element.ElementId, element);
        }

        var groups = missing
            .Where(m => m.Kind != MissingKind.MeterData)
            .Select(m =>
            {
                var element = byId.GetValueOrDefault(m.ElementId);
                var label = element is null ? m.ElementId : GapText.Element(element);
                var kind = m.Kind == MissingKind.Resolution ? GapKind.Resolution
                    : element is SpotElement ? GapKind.SpotPrice
                    : GapKind.Price;
                return (Item: m, Label: label, Kind: kind);
            })
            .GroupBy(x => (x.Label, x.Kind));
        foreach (var group in groups)
        {
            var (label, kind) = group.Key;
            var what = kind == GapKind.Resolution ? "meter data coarser than its prices" : "no price";
            foreach (var (days, span) in IntervalSets.DayRanges(IntervalSets.Merge(group.Select(x => x.Item.Interval))))
            {
                var ids = group.Where(x => x.Item.Interval.Start < span.End && x.Item.Interval.End > span.Start).Select(x => x.Item.ElementId).Distinct().ToList();
                yield return new ReadinessGap(kind, span, days, ids, $"{label}: {what} on {GapText.Days(days)}");
            }
        }
    }
}
