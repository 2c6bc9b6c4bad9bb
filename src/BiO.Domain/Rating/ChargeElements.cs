using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Rating;

/// <summary>A DataHub charge linked to the metering point, rated by DataHub's rules for its type and resolution.</summary>
public sealed record ChargeElement : PriceElement
{
    /// <exception cref="ArgumentException">The link is for another charge.</exception>
    public ChargeElement(Charge charge, ChargeLink link, PriceTable prices)
        : base(charge is null || link is null ? "unknown charge" : ChargeElementIds.Of(charge.Key, link.From), charge?.Name ?? string.Empty)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(prices);
        if (link.Charge != charge.Key)
        {
            throw new ArgumentException($"Link for {link.Charge} cannot rate charge {charge.Key}.", nameof(link));
        }

        Charge = charge;
        Link = link;
        Prices = prices;
    }

    public Charge Charge { get; }

    public ChargeLink Link { get; }

    public PriceTable Prices { get; }

    public override ElementSettlement Rate(RatingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = Charge.Key.Type switch
        {
            ChargeType.Tariff => ElementKind.Tariff,
            ChargeType.Subscription => ElementKind.Subscription,
            _ => ElementKind.Fee,
        };
        if (RatingInput.Overlap(input.Window, Link.Effective) is not { } window)
        {
            return new ElementSettlement(ElementId, Name, kind, Charge.IsTax, [], []);
        }

        switch (Charge.Key.Type)
        {
            case ChargeType.Subscription:
                return Rules.RateDaily(ElementId, Name, Charge.IsTax, input.Period, window, Link.Factor, LastKnown);
            case ChargeType.Fee:
                return RateFee(input, window);
            default:
                if (input.Usage is null)
                {
                    return Rules.NoUsage(ElementId, Name, kind, Charge.IsTax, window);
                }

                if (Charge.Resolution == Resolution.QuarterHour)
                {
                    var quarter = Duration.FromMinutes(15);
                    return Rules.RateIntervals(ElementId, Name, kind, Charge.IsTax, input.Usage, window, () =>
                    {
                        var prices = Prices.Ascending();
                        return (_, v) =>
                            v.End - v.Start != quarter ? (MissingKind.Resolution, default, default)
                            : prices.TryExact(v.Start, out var p) ? (null, p.Price, p.ReceivedAt) : (MissingKind.Price, default, default);
                    });
                }

                var sums = Charge.Resolution == Resolution.Hour ? input.Usage.HourSums() : input.Usage.DaySums();
                return Rules.RateSums(ElementId, Name, kind, Charge.IsTax, sums, window, Link.Factor, Prices);
        }
    }

    private (bool, Money.UnitPrice, Instant) LastKnown(LocalDate date, Instant dayStart) =>
        Prices.TryLastKnown(dayStart, out var p) ? (true, p.Price, p.ReceivedAt) : (false, default, default);

    /// <summary>A fee applies once, on the day its link starts, at the price known for that day, times the factor.</summary>
    private ElementSettlement RateFee(RatingInput input, Interval window)
    {
        var day = BillingTime.Day(BillingTime.DayOf(Link.From));
        if (Link.From < window.Start || Link.From >= window.End)
        {
            return new ElementSettlement(ElementId, Name, ElementKind.Fee, Charge.IsTax, [], []);
        }

        if (!Prices.TryLastKnown(day.Start, out var price))
        {
            return new ElementSettlement(ElementId, Name, ElementKind.Fee, Charge.IsTax, [], [new MissingItem(ElementId, day, MissingKind.Price)]);
        }

        var line = new SettlementLine(day.Start, day.End, new Money.Quantity(Link.Factor), price.Price, Money.Amount.Of(price.Price, Link.Factor), TimeSeries.QualitySet.None, null, price.ReceivedAt);
        return new ElementSettlement(ElementId, Name, ElementKind.Fee, Charge.IsTax, [line], []);
    }
}
