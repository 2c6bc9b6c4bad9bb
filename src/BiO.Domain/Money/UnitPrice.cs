namespace BiO.Domain.Money;

/// <summary>A price per unit ("enhedspris"), DKK per kWh, per day, per month or per piece, with at most 6 decimals.</summary>
public readonly record struct UnitPrice
{
    /// <exception cref="ArgumentOutOfRangeException">The value has more than 6 decimals.</exception>
    public UnitPrice(decimal value)
    {
        if (!Decimals.HasAtMost(value, Decimals.UnitPrice))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A unit price has at most 6 decimals.");
        }

        Value = value;
    }

    public decimal Value { get; }

    /// <summary>The price rounded to 6 decimals (half away from zero), e.g. a monthly price divided by days.</summary>
    public static UnitPrice RoundedFrom(decimal value) => new(Decimals.Round(value, Decimals.UnitPrice));

    public static UnitPrice operator +(UnitPrice a, UnitPrice b) => new(a.Value + b.Value);

    /// <summary>A daily price times a link factor: round(monthly / days, 6) x factor stays within 6 decimals.</summary>
    public static UnitPrice operator *(UnitPrice a, int factor) => new(a.Value * factor);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
