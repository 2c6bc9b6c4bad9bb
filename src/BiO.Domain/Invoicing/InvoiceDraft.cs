using BiO.Domain.Money;
using BiO.Domain.Rating;

namespace BiO.Domain.Invoicing;

/// <summary>
/// An invoice line ("fakturalinje") of one price element: its total quantity, its amount rounded to øre, and its basis:
/// the newest meter data and price versions (received instants) among the element's rated lines.
/// </summary>
public sealed record InvoiceLine(string ElementId, string Description, ElementKind Kind, Quantity Quantity, Money.Money Amount, VatRate Vat,
    NodaTime.Instant? DataVersion = null, NodaTime.Instant? PriceVersion = null);

/// <summary>VAT of one rate: the taxable sum of its lines and the VAT rounded once per rate (EN 16931 BR-CO-17).</summary>
public sealed record VatBreakdown(VatRate Rate, Money.Money Taxable, Money.Money Vat);

/// <summary>The invoice lines of a settlement, VAT per rate and the totals. Rounding happens only here, half away from zero.</summary>
public sealed record InvoiceDraft(IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<VatBreakdown> Vat)
{
    public Money.Money TotalExcludingVat => Lines.Aggregate(Money.Money.Zero(), (sum, l) => sum + l.Amount);

    public Money.Money TotalVat => Vat.Aggregate(Money.Money.Zero(), (sum, v) => sum + v.Vat);

    public Money.Money Total => TotalExcludingVat + TotalVat;

    /// <summary>One line per price element with lines; the VAT rate is the one effective on the period's first day.</summary>
    public static InvoiceDraft From(Settlement settlement, VatSchedule vat)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(vat);
        var rate = vat.On(settlement.Input.Period.Dates.Start);
        var lines = settlement.Elements.Where(e => e.Lines.Count > 0)
            .Select(e => new InvoiceLine(e.ElementId, e.Name, e.Kind, e.TotalQuantity, Money.Money.FromAmount(e.Total), rate, e.LatestDataVersion, e.LatestPriceVersion))
            .ToList();
        var breakdown = lines.GroupBy(l => l.Vat)
            .Select(g =>
            {
                var taxable = g.Aggregate(Money.Money.Zero(), (sum, l) => sum + l.Amount);
                return new VatBreakdown(g.Key, taxable, g.Key.VatOf(taxable));
            })
            .ToList();
        return new InvoiceDraft(lines, breakdown);
    }
}
