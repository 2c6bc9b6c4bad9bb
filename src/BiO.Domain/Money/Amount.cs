namespace BiO.Domain.Money;

/// <summary>
/// An unrounded settlement amount in DKK with 6 decimals ("beløb"), as DataHub computes it; rounded to øre
/// only on the invoice line (<see cref="Money.FromAmount"/>). May be negative.
/// </summary>
public readonly record struct Amount : IComparable<Amount>
{
    /// <exception cref="ArgumentOutOfRangeException">The value has more than 6 decimals.</exception>
    public Amount(decimal value)
    {
        if (!Decimals.HasAtMost(value, Decimals.Amount))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An amount has at most 6 decimals.");
        }

        Value = value;
    }

    private Amount(decimal value, byte _) => Value = value;

    public decimal Value { get; }

    public static Amount Zero => default;

    /// <summary>round(quantity x price, 6), half away from zero: DataHub's amount of one interval or day.</summary>
    public static Amount Of(Quantity quantity, UnitPrice price) =>
        new(decimal.Round(quantity.Value * price.Value, Decimals.Amount, MidpointRounding.AwayFromZero), 0);

    /// <summary>A price times a whole count (subscription days, fee events): exact, 6 decimals.</summary>
    public static Amount Of(UnitPrice price, int count) => new(price.Value * count, 0);

    public static Amount operator +(Amount a, Amount b) => new(a.Value + b.Value, 0);

    public static Amount operator -(Amount a, Amount b) => new(a.Value - b.Value, 0);

    public static Amount operator -(Amount a) => new(-a.Value, 0);

    public int CompareTo(Amount other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
