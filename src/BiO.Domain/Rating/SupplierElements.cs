using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>
/// Spot energy: the quantity of each metered interval x the spot price of that interval (never carried forward). An
/// interval metered coarser than the spot prices (an hourly meter against 15-minute prices) is priced at the mean of
/// the spot prices inside it, rounded to 6 decimals half away from zero (a named rounding point), so its quantity is
/// taken as spread evenly over the interval; a mean needs every price inside it.
/// </summary>
public sealed record SpotElement(string Id, SpotPrices Spot, PriceTable Prices) : PriceElement(Id, $"Spot {Spot.Area}")
{
    private static (MissingKind?, UnitPrice, Instant) Mean(PriceTable.PriceCursor prices, Instant start, Instant end, Duration spotLength)
    {
        if ((end - start).BclCompatibleTicks % spotLength.BclCompatibleTicks != 0 || start.ToUnixTimeTicks() % spotLength.BclCompatibleTicks != 0)
        {
            return (MissingKind.Resolution, default, default);
        }

        var (sum, count, version) = (0m, 0, Instant.MinValue);
        for (var t = start; t < end; t += spotLength, count++)
        {
            if (!prices.TryExact(t, out var p))
            {
                return (MissingKind.Price, default, default);
            }

            sum += p.Price.Value;
            version = p.ReceivedAt > version ? p.ReceivedAt : version;
        }

        return (null, UnitPrice.RoundedFrom(sum / count), version);
    }

    public override ElementSettlement Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Usage is null)
        {
            return Rules.NoUsage(ElementId, Name, ElementKind.Energy, false, input.Window);
        }

        var spotLength = Spot.Resolution.FixedLength!.Value;
        var spotTicks = spotLength.BclCompatibleTicks;
        return Rules.RateIntervals(ElementId, Name, ElementKind.Energy, false, input.Usage, input.Window, () =>
        {
            var prices = Prices.Ascending();
            return (_, v) =>
            {
                if (v.End - v.Start > spotLength)
                {
                    return Mean(prices, v.Start, v.End, spotLength);
                }

                var ticks = v.Start.ToUnixTimeTicks();
                var intoSpot = ticks % spotTicks;
                var priceStart = intoSpot == 0 ? v.Start : Instant.FromUnixTimeTicks(ticks - intoSpot);
                return prices.TryExact(priceStart, out var p) ? (null, p.Price, p.ReceivedAt) : (MissingKind.Price, default, default);
            };
        });
    }
}

/// <summary>The supplier's per-kWh markup ("tillæg") from its price list: flat or by time-of-use window and season.</summary>
public sealed record SupplierMarkupElement(string Id, SupplierPriceList PriceList, Instant PriceListVersion) : PriceElement(Id, $"{PriceList.ProductCode} markup")
{
    public override ElementSettlement Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Usage is null)
        {
            return Rules.NoUsage(ElementId, Name, ElementKind.Energy, false, input.Window);
        }

        // The local time of every value is computed once per series; the markup of a local time is a table lookup.
        var localStarts = input.Usage.LocalStarts();
        return Rules.RateIntervals(ElementId, Name, ElementKind.Energy, false, input.Usage, input.Window, () =>
        {
            var markups = new QuarterHourMarkups(PriceList);
            return (i, _) => markups.At(localStarts[i]) is { } markup
                ? (null, markup, PriceListVersion)
                : (MissingKind.Price, default, default);
        });
    }
}

/// <summary>The supplier's monthly subscription, per day of supply: round(monthly / days in month, 6).</summary>
public sealed record SupplierSubscriptionElement(string Id, SupplierPriceList PriceList, Instant PriceListVersion) : PriceElement(Id, $"{PriceList.ProductCode} subscription")
{
    public override ElementSettlement Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Rules.RateDaily(ElementId, Name, false, input.Period, input.Window, 1, (date, _) =>
            PriceList.On(date) is { } version ? (true, version.MonthlySubscription, PriceListVersion) : (false, default(UnitPrice), default(Instant)));
    }
}
