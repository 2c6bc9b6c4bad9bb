using BiO.Domain.Billing;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Time;
using NodaTime;
using NodaTime.Text;

namespace BiO.Domain.Corrections;

/// <summary>
/// The correction of a metering point's invoiced billing period for one paying account: the point rated again on the
/// newest data and prices, minus everything invoiced for the period so far (the original lines and earlier
/// corrections), per contract and price element. Because it nets against the sum of what was invoiced, any number of
/// corrections arriving in any order add up to the rating of the final data: nothing is counted twice or lost.
/// </summary>
/// <param name="Period">The billing period corrected.</param>
/// <param name="State">Ready (the lines are the correction, none when nothing changed), Waiting (the new data is not
/// complete: <paramref name="Reasons"/> says what is missing), or NotDue (the period was never invoiced).</param>
/// <param name="Lines">One line per contract and element whose amount or quantity changed; each names the period it
/// corrects and why.</param>
public sealed record PointCorrection(BillingPeriod Period, PartState State, IReadOnlyList<string> Reasons, IReadOnlyList<AccountInvoiceLine> Lines)
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;

    /// <summary>The difference between <paramref name="rerated"/> and <paramref name="invoiced"/>, as correction lines.</summary>
    /// <param name="point">The metering point.</param>
    /// <param name="period">The invoiced billing period.</param>
    /// <param name="rerated">The point's settlement of the period for the account, on the newest data and prices. Not due
    /// (no contract part paid by the account any more, e.g. after a late move-out): everything invoiced is credited.</param>
    /// <param name="invoiced">What was invoiced for the point, period and account so far; empty: never invoiced.</param>
    public static PointCorrection Compute(Gsrn point, BillingPeriod period, PointSettlement rerated, IReadOnlyList<InvoicedElement> invoiced)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rerated);
        ArgumentNullException.ThrowIfNull(invoiced);
        if (invoiced.Count == 0)
        {
            return new PointCorrection(period, PartState.NotDue, [], []);
        }

        if (rerated.IsDue && !rerated.IsReady)
        {
            return new PointCorrection(period, PartState.Waiting, rerated.Reasons, []);
        }

        var now = rerated.Lines.GroupBy(l => (l.ContractId, l.ItemId)).ToDictionary(g => g.Key, g => g.ToList());
        var before = invoiced.GroupBy(e => (e.ContractId, ItemId: e.ElementId)).ToDictionary(g => g.Key, g => g.ToList());
        var lines = new List<AccountInvoiceLine>();
        foreach (var key in now.Keys.Union(before.Keys).OrderBy(k => k.ContractId, StringComparer.Ordinal).ThenBy(k => k.ItemId, StringComparer.Ordinal))
        {
            var rated = now.GetValueOrDefault(key) ?? [];
            var billed = before.GetValueOrDefault(key) ?? [];
            var amount = Sum(rated.Select(l => l.Amount)) - Sum(billed.Select(e => e.Amount));
            var quantity = rated.Aggregate(Quantity.Zero, (sum, l) => sum + l.Quantity) - billed.Aggregate(Quantity.Zero, (sum, e) => sum + e.Quantity);
            if (amount.Amount == 0m && quantity.Value == 0m)
            {
                continue;
            }

            var description = rated.FirstOrDefault()?.Description ?? billed[0].Description;
            lines.Add(new AccountInvoiceLine(
                key.ContractId, point, key.ItemId, $"Correction {Day.Format(period.Dates.Start)}..{Day.Format(period.Dates.End)}: {description}",
                rated.Count > 0 ? Span(rated) : period.Dates, quantity, amount, rated.FirstOrDefault()?.Vat ?? billed[0].Vat)
            {
                Corrects = period.Dates,
                Reason = Reason(rated, billed),
                DataVersion = Newest(rated.Select(l => l.DataVersion)),
                PriceVersion = Newest(rated.Select(l => l.PriceVersion)),
            });
        }

        return new PointCorrection(period, PartState.Ready, [], lines);
    }

    /// <summary>Why the amount changed: what is newer in the new basis than in the invoiced one, said in words.</summary>
    private static string Reason(IReadOnlyList<AccountInvoiceLine> rated, IReadOnlyList<InvoicedElement> billed)
    {
        if (billed.Count == 0)
        {
            return "not invoiced before (a charge link or contract part added)";
        }

        if (rated.Count == 0)
        {
            return "no longer due (a charge link, supply period or contract part ended)";
        }

        var reasons = new List<string>();
        if (Newest(rated.Select(l => l.DataVersion)) is { } data && (Newest(billed.Select(e => e.DataVersion)) is not { } old || data > old))
        {
            reasons.Add($"new meter data received {InstantPattern.General.Format(data)}");
        }

        if (Newest(rated.Select(l => l.PriceVersion)) is { } price && (Newest(billed.Select(e => e.PriceVersion)) is not { } oldPrice || price > oldPrice))
        {
            reasons.Add($"changed prices received {InstantPattern.General.Format(price)}");
        }

        return reasons.Count > 0 ? string.Join("; ", reasons) : "the days due changed (supply period, charge link or contract)";
    }

    private static Money.Money Sum(IEnumerable<Money.Money> amounts) => amounts.Aggregate(Money.Money.Zero(), (sum, a) => sum + a);

    private static Instant? Newest(IEnumerable<Instant?> versions) => versions.Max();

    private static DateInterval Span(IReadOnlyList<AccountInvoiceLine> lines) =>
        new(lines.Min(l => l.Days.Start), lines.Max(l => l.Days.End));
}
