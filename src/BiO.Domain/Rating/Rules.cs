using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>The price of a metered interval (its index in the series and its value), or why there is none.</summary>
internal delegate (MissingKind? Missing, UnitPrice Price, Instant Version) IntervalPrice(int index, MeterValue value);

/// <summary>DataHub's wholesale rating rules as plain functions, shared by the price elements.</summary>
internal static class Rules
{
    /// <summary>Usage sums (hours or local days) times an exact price per sum; missing prices are never carried forward.</summary>
    public static ElementSettlement RateSums(string id, string name, ElementKind kind, bool isTax, IReadOnlyList<UsageSum> sums, Interval window, int factor, PriceTable prices) =>
        Deferred(id, name, kind, isTax, (lines, missing) => RateSums(id, sums, window, factor, prices, lines, missing));

    private static LineTotals RateSums(string id, IReadOnlyList<UsageSum> sums, Interval window, int factor, PriceTable prices, List<SettlementLine>? lines, List<MissingItem>? missing)
    {
        var totals = default(LineTotals);
        var ascending = prices.Ascending();
        foreach (var sum in sums)
        {
            if (sum.Start < window.Start || sum.End > window.End)
            {
                continue;
            }

            var hasPrice = ascending.TryExact(sum.Start, out var price);
            if (!hasPrice)
            {
                missing?.Add(new MissingItem(id, new Interval(sum.Start, sum.End), MissingKind.Price));
            }

            if (sum.Quantity is not { } quantity)
            {
                missing?.Add(new MissingItem(id, new Interval(sum.Start, sum.End), MissingKind.MeterData));
                continue;
            }

            if (hasPrice)
            {
                var q = quantity * factor;
                var amount = Amount.Of(q, price.Price);
                totals.Add(q.Value, amount.Value, sum.LatestReceivedAt, price.ReceivedAt);
                lines?.Add(new SettlementLine(sum.Start, sum.End, q, price.Price, amount, sum.Qualities, sum.LatestReceivedAt, price.ReceivedAt));
            }
        }

        return totals;
    }

    /// <summary>
    /// Per local day of the window: daily price = round(monthly / days in the month, 6), amount = daily price x factor.
    /// The monthly price is the last known at the day's start (carried forward).
    /// </summary>
    public static ElementSettlement RateDaily(string id, string name, bool isTax, BillingPeriod period, Interval window, int factor, Func<LocalDate, Instant, (bool Found, UnitPrice Monthly, Instant Version)> monthlyPrice)
    {
        var lines = new List<SettlementLine>();
        var missing = new List<MissingItem>();
        foreach (var (date, day) in period.Days())
        {
            if (day.Start < window.Start || day.End > window.End)
            {
                continue;
            }

            var (found, monthly, version) = monthlyPrice(date, day.Start);
            if (!found)
            {
                missing.Add(new MissingItem(id, day, MissingKind.Price));
                continue;
            }

            var daily = UnitPrice.RoundedFrom(monthly.Value / date.Calendar.GetDaysInMonth(date.Year, date.Month));
            lines.Add(new SettlementLine(day.Start, day.End, new Quantity(factor), daily, Amount.Of(daily, factor), QualitySet.None, null, version));
        }

        return new ElementSettlement(id, name, ElementKind.Subscription, isTax, lines, missing);
    }

    /// <summary>
    /// Each metered interval of the window times a price of that interval (spot, markup). <paramref name="pricing"/>
    /// gives a fresh price lookup for each pass over the series (lookups may keep a cursor).
    /// </summary>
    public static ElementSettlement RateIntervals(string id, string name, ElementKind kind, bool isTax, ResolvedSeries usage, Interval window, Func<IntervalPrice> pricing) =>
        Deferred(id, name, kind, isTax, (lines, missing) => RateIntervals(id, usage, window, pricing(), lines, missing));

    private static LineTotals RateIntervals(string id, ResolvedSeries usage, Interval window, IntervalPrice priceOf, List<SettlementLine>? lines, List<MissingItem>? missing)
    {
        var totals = default(LineTotals);
        var values = usage.Values;
        var cursor = window.Start;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.Start < window.Start || value.End > window.End)
            {
                continue;
            }

            if (value.Start > cursor)
            {
                missing?.Add(new MissingItem(id, new Interval(cursor, value.Start), MissingKind.MeterData));
            }

            cursor = value.End;
            if (value.Quantity is not { } quantity)
            {
                missing?.Add(new MissingItem(id, new Interval(value.Start, value.End), MissingKind.MeterData));
                continue;
            }

            var (gap, price, version) = priceOf(i, value);
            if (gap is { } gapKind)
            {
                missing?.Add(new MissingItem(id, new Interval(value.Start, value.End), gapKind));
                continue;
            }

            var amount = Amount.Of(quantity, price);
            totals.Add(quantity.Value, amount.Value, value.ReceivedAt, version);
            lines?.Add(new SettlementLine(value.Start, value.End, quantity, price, amount, value.Quality.AsSet(), value.ReceivedAt, version));
        }

        if (cursor < window.End)
        {
            missing?.Add(new MissingItem(id, new Interval(cursor, window.End), MissingKind.MeterData));
        }

        return totals;
    }

    /// <summary>
    /// Rates once for the totals and missing items, without keeping lines; the lines are built by the same rule on
    /// first read (<paramref name="rate"/> adds to whichever list it is given).
    /// </summary>
    private static ElementSettlement Deferred(string id, string name, ElementKind kind, bool isTax, Func<List<SettlementLine>?, List<MissingItem>?, LineTotals> rate)
    {
        var missing = new List<MissingItem>();
        var totals = rate(null, missing);
        var lines = new DeferredLines(totals.Count, () =>
        {
            var built = new List<SettlementLine>(totals.Count);
            rate(built, null);
            return built;
        });
        return new ElementSettlement(id, name, kind, isTax, totals, lines, missing);
    }

    public static ElementSettlement NoUsage(string id, string name, ElementKind kind, bool isTax, Interval window) =>
        new(id, name, kind, isTax, [], [new MissingItem(id, window, MissingKind.MeterData)]);
}
