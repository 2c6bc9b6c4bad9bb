using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// What was invoiced, in all invoices and credit notes together, for one DataHub charge in one grid area and billing
/// period (a correction line counts for the period it corrects): summed amounts and quantities, and how many distinct
/// metering points the lines are of. The charge is read from the lines' element ids (<see cref="ChargeElementIds"/>),
/// so the links of one charge with different start dates add up.
/// </summary>
public sealed record ChargeTotalRow(DateInterval Period, string GridArea, ChargeKey Charge, decimal Amount, decimal Quantity, int MeteringPoints)
{
    /// <summary>The domain's view of the same total, for <see cref="ChargeReconciliation.Compare"/>.</summary>
    public InvoicedChargeTotal ToTotal() => new(Charge, GridArea, Period, Amount, Quantity, MeteringPoints);
}

/// <summary>Folds per-element sums into <see cref="ChargeTotalRow"/>s; shared by the PostgreSQL and memory stores.</summary>
internal static class ChargeTotals
{
    /// <summary>The element id prefixes of charges ("Subscription:%", "Fee:%", "Tariff:%"), to leave other elements in the database.</summary>
    public static string[] LikePatterns { get; } = [.. Enum.GetNames<ChargeType>().Select(n => $"{n}:%")];

    /// <summary>Sums per element id of one grid area and period, with the metering points of each.</summary>
    public readonly record struct ElementSum(DateInterval Period, string GridArea, string ElementId, decimal Amount, decimal Quantity, IReadOnlyCollection<string> MeteringPoints);

    /// <summary>Rows per period, grid area and charge, ordered so; element ids that are no charge are left out.</summary>
    public static IReadOnlyList<ChargeTotalRow> Fold(IEnumerable<ElementSum> sums) => sums
        .Select(s => (Sum: s, Charge: ChargeElementIds.TryParse(s.ElementId, out var charge) ? charge : null))
        .Where(x => x.Charge is not null)
        .GroupBy(x => (x.Sum.Period, x.Sum.GridArea, Charge: x.Charge!))
        .Select(g => new ChargeTotalRow(g.Key.Period, g.Key.GridArea, g.Key.Charge, g.Sum(x => x.Sum.Amount), g.Sum(x => x.Sum.Quantity),
            g.SelectMany(x => x.Sum.MeteringPoints).Distinct(StringComparer.Ordinal).Count()))
        .OrderBy(r => r.Period.Start).ThenBy(r => r.Period.End)
        .ThenBy(r => r.GridArea, StringComparer.Ordinal).ThenBy(r => r.Charge.ToString(), StringComparer.Ordinal)
        .ToList();

    /// <summary>True when <paramref name="inner"/> lies within <paramref name="outer"/>.</summary>
    public static bool Within(DateInterval inner, DateInterval outer) => inner.Start >= outer.Start && inner.End <= outer.End;
}
