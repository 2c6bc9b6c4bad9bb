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

    public bool Covers(LocalDateTime local) => Covers(local.Month, local.TimeOfDay);

    /// <summary>Whether the window covers a local time of day on the days of a month (1..12).</summary>
    public bool Covers(int month, LocalTime time) =>
        Months.Contains(month) && time >= From && (To == LocalTime.Midnight || time < To);
}

/// <summary>
/// One effective-dated version of a supplier product's prices ("prisliste"): a per-kWh markup ("tillæg"), either flat or by
/// time-of-use windows and seasons (first matching window wins, else the flat markup), and a monthly subscription.
/// </summary>
public sealed record PriceListVersion(LocalDate EffectiveFrom, UnitPrice Markup, UnitPrice MonthlySubscription, IReadOnlyList<TimeOfUseWindow> Windows)
{
    /// <summary>The per-kWh markup at a local time.</summary>
    public UnitPrice MarkupAt(LocalDateTime local) => MarkupAt(local.Month, local.TimeOfDay);

    /// <summary>The per-kWh markup at a local time of day on the days of a month (1..12).</summary>
    public UnitPrice MarkupAt(int month, LocalTime time)
    {
        foreach (var window in Windows)
        {
            if (window.Covers(month, time))
            {
                return window.Price;
            }
        }

        return Markup;
    }
}

/// <summary>
/// The markup of a supplier price list at local times in ascending order, by table: the version of each local day,
/// and per version and month the markup of each of the day's 96 local quarter-hours, built once from
/// <see cref="PriceListVersion.MarkupAt(int, LocalTime)"/>. A local time off the quarter-hour is looked up directly.
/// Keeps the current day: one instance per pass over a series.
/// </summary>
internal sealed class QuarterHourMarkups(SupplierPriceList priceList)
{
    private const long QuarterNanoseconds = 15 * NodaConstants.NanosecondsPerMinute;
    private readonly Dictionary<(LocalDate EffectiveFrom, int Month), UnitPrice[]> tables = [];
    private LocalDate day;
    private PriceListVersion? version;
    private UnitPrice[]? table;

    /// <summary>The markup at <paramref name="local"/>, or null before the first version.</summary>
    public UnitPrice? At(LocalDateTime local)
    {
        if (table is null || local.Date != day)
        {
            day = local.Date;
            version = priceList.On(day);
            table = version is null ? [] : Table(version, day.Month);
        }

        var nanoseconds = local.TimeOfDay.NanosecondOfDay;
        return version is null ? null
            : nanoseconds % QuarterNanoseconds == 0 ? table[nanoseconds / QuarterNanoseconds]
            : version.MarkupAt(local);
    }

    private UnitPrice[] Table(PriceListVersion of, int month)
    {
        if (!tables.TryGetValue((of.EffectiveFrom, month), out var quarters))
        {
            quarters = new UnitPrice[96];
            for (var q = 0; q < quarters.Length; q++)
            {
                quarters[q] = of.MarkupAt(month, LocalTime.FromMinutesSinceMidnight(q * 15));
            }

            tables[(of.EffectiveFrom, month)] = quarters;
        }

        return quarters;
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
