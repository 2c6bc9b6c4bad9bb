namespace BiO.Domain.Money;

/// <summary>A metered or counted quantity ("mængde"), e.g. kWh, with at most 3 decimals. May be negative.</summary>
public readonly record struct Quantity : IComparable<Quantity>
{
    /// <exception cref="ArgumentOutOfRangeException">The value has more than 3 decimals.</exception>
    public Quantity(decimal value)
    {
        if (!Decimals.HasAtMost(value, Decimals.Quantity))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity has at most 3 decimals.");
        }

        Value = value;
    }

    public decimal Value { get; }

    public static Quantity Zero => default;

    /// <summary>Sums of 3-decimal quantities have 3 decimals: no check needed.</summary>
    public static Quantity operator +(Quantity a, Quantity b) => Unchecked(a.Value + b.Value);

    public static Quantity operator -(Quantity a, Quantity b) => Unchecked(a.Value - b.Value);

    /// <summary>A quantity times a whole factor (a charge link's factor) stays within 3 decimals.</summary>
    public static Quantity operator *(Quantity a, int factor) => Unchecked(a.Value * factor);

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static Quantity Unchecked(decimal value) => new(value, 0);

    private Quantity(decimal value, byte _) => Value = value;
}
