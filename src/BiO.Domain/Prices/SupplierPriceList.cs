using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Prices;

/// <summary>
/// A time-of-use window of a season: local time [From, To) on the days of <paramref name="Months"/>, e.g. the peak
/// window 17-21 in winter (Oct-Mar). To = midnight (00:00) means the end of the day.
/// </summary>
public sealed record TimeOfUseWindow
{
    /// <exception cref="ArgumentException">No months, a month outside 1..12, or an empty window.</exception>
    public TimeOfUseWindow(string name, IReadOnlySet<int> months, LocalTime from, LocalTime to, UnitPrice price)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0 || months.Any(m => m is < 1 or > 12))
        {
            throw new ArgumentException($"Months are 1..12, got [{string.Join(",", months)}].", nameof(months));
        }

        if (to != LocalTime.Midnight && to <= from)
        {
            throw new ArgumentException($"Window {name} must end after it starts ({from}), got {to}.", nameof(to));
        }

        Name = name;
        Months = months;
        From = from;
        To = to;
        Price = price;
    }

    public string Name { get; }

    public IReadOnlySet<int> Months { get; }

    public LocalTime From { get; }

    public LocalTime To { get; }

    public UnitPrice Price { get; }

    public bool Covers(LocalDateTime local) =>
        Months.Contains(local.Month) && local.TimeOfDay >= From && (To == LocalTime.Midnight || local.TimeOfDay < To);
}

/// <summary>
/// One effective-dated version of a supplier product's prices ("prisliste"): a per-kWh markup ("tillæg"), either flat or by
/// time-of-use windows and seasons (first matching window wins, else the flat markup), and a monthly subscription.
/// </summary>
public sealed record PriceListVersion(LocalDate EffectiveFrom, UnitPrice Markup, UnitPrice MonthlySubscription, IReadOnlyList<TimeOfUseWindow> Windows)
{
    /// <summary>The per-kWh markup at a local time.</summary>
    public UnitPrice MarkupAt(LocalDateTime local)
    {
        foreach (var window in Windows)
        {
            if (window.Covers(local))
            {
                return window.Price;
            }
        }

        return Markup;
    }
}

/// <summary>A supplier product's price list: versions effective from local dates; the version of a day is the latest on or before it.</summary>
public sealed record SupplierPriceList
{
    /// <exception cref="ArgumentException">No versions or two from the same date.</exception>
    public SupplierPriceList(string productCode, IEnumerable<PriceListVersion> versions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productCode);
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (list.Count == 0 || list.Select(v => v.EffectiveFrom).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("A price list needs versions with distinct effective dates.", nameof(versions));
        }

        ProductCode = productCode;
        Versions = list;
    }

    public string ProductCode { get; }

    public IReadOnlyList<PriceListVersion> Versions { get; }

    /// <summary>The version effective on <paramref name="date"/>, or null before the first.</summary>
    public PriceListVersion? On(LocalDate date)
    {
        PriceListVersion? found = null;
        foreach (var v in Versions)
        {
            if (v.EffectiveFrom <= date)
            {
                found = v;
            }
        }

        return found;
    }
}
