using NodaTime;

namespace BiO.Domain.Money;

/// <summary>A VAT rate ("moms") in percent, effective from a local date (data, not a constant).</summary>
public sealed record VatRate
{
    /// <exception cref="ArgumentOutOfRangeException">The percent is negative or above 100.</exception>
    public VatRate(string code, decimal percent, LocalDate effectiveFrom)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (percent < 0m || percent > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A VAT rate is between 0 and 100 percent.");
        }

        Code = code;
        Percent = percent;
        EffectiveFrom = effectiveFrom;
    }

    /// <summary>The VAT category code, e.g. "S" standard (EN 16931).</summary>
    public string Code { get; }

    public decimal Percent { get; }

    public LocalDate EffectiveFrom { get; }

    /// <summary>VAT of a taxable amount: amount x rate / 100, rounded to øre half away from zero (BR-CO-17).</summary>
    public Money VatOf(Money taxable) => Money.RoundedFrom(taxable.Amount * Percent / 100m, taxable.Currency);
}

/// <summary>Effective-dated VAT rates of one category; the rate of a day is the latest effective on or before it.</summary>
public sealed record VatSchedule
{
    /// <exception cref="ArgumentException">No rates, mixed codes or two rates from the same date.</exception>
    public VatSchedule(IEnumerable<VatRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var list = rates.OrderBy(r => r.EffectiveFrom).ToList();
        if (list.Count == 0 || list.Select(r => r.Code).Distinct().Count() != 1 || list.Select(r => r.EffectiveFrom).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("A VAT schedule needs one or more rates of one code, at most one per date.", nameof(rates));
        }

        Rates = list;
    }

    public IReadOnlyList<VatRate> Rates { get; }

    /// <summary>Danish standard VAT, 25% since 1 Jan 1992.</summary>
    public static VatSchedule DanishStandard { get; } = new([new VatRate("S", 25m, new LocalDate(1992, 1, 1))]);

    /// <exception cref="InvalidOperationException">No rate is effective on the date.</exception>
    public VatRate On(LocalDate date) =>
        Rates.LastOrDefault(r => r.EffectiveFrom <= date)
        ?? throw new InvalidOperationException($"No VAT rate is effective on {date}.");
}
