using BiO.Domain.Money;

namespace BiO.Domain.Rating;

/// <summary>The kind of a price element, for invoice grouping.</summary>
public enum ElementKind
{
    Energy = 1,
    Tariff = 2,
    Subscription = 3,
    Fee = 4,
}

/// <summary>The settlement of one price element: its lines, what was missing, and the totals (sums of the lines).</summary>
public sealed class ElementSettlement
{
    public ElementSettlement(string elementId, string name, ElementKind kind, bool isTax, IReadOnlyList<SettlementLine> lines, IReadOnlyList<MissingItem> missing)
        : this(elementId, name, kind, isTax, LineTotals.Of(lines), lines, missing)
    {
    }

    /// <summary>A settlement whose totals were summed while rating; <paramref name="lines"/> may be built on first use.</summary>
    internal ElementSettlement(string elementId, string name, ElementKind kind, bool isTax, LineTotals totals, IReadOnlyList<SettlementLine> lines, IReadOnlyList<MissingItem> missing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementId);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(missing);
        ElementId = elementId;
        Name = name;
        Kind = kind;
        IsTax = isTax;
        Lines = lines;
        Missing = missing;
        Total = new Amount(totals.Amount);
        TotalQuantity = new Quantity(totals.Quantity);
        LatestDataVersion = totals.DataVersion;
        LatestPriceVersion = totals.PriceVersion;
    }

    /// <summary>The newest meter data version among the lines (null: no line used meter data), known without building them.</summary>
    public NodaTime.Instant? LatestDataVersion { get; }

    /// <summary>The newest price version among the lines (null: no lines), known without building them.</summary>
    public NodaTime.Instant? LatestPriceVersion { get; }

    public string ElementId { get; }

    public string Name { get; }

    public ElementKind Kind { get; }

    public bool IsTax { get; }

    /// <summary>The rated intervals or days, in time order (per-interval detail is built when first read).</summary>
    public IReadOnlyList<SettlementLine> Lines { get; }

    public IReadOnlyList<MissingItem> Missing { get; }

    /// <summary>The sum of the line amounts, unrounded (6 decimals).</summary>
    public Amount Total { get; }

    /// <summary>The sum of the line quantities (kWh for energy and tariffs; factor-days for subscriptions).</summary>
    public Quantity TotalQuantity { get; }

    public bool IsComplete => Missing.Count == 0;
}

/// <summary>The settlement of a metering point and period: one settlement per price element.</summary>
public sealed record Settlement(RatingInput Input, IReadOnlyList<ElementSettlement> Elements)
{
    /// <summary>Everything missing, per element and interval, in element order: the readiness report.</summary>
    public IReadOnlyList<MissingItem> Missing => Elements.SelectMany(e => e.Missing).ToList();

    public bool IsReady => Elements.All(e => e.IsComplete);
}
