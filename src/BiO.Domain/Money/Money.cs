using System.Globalization;

namespace BiO.Domain.Money;

/// <summary>
/// Money on an invoice: a currency and an amount in whole minor units (øre for DKK, 2 decimals).
/// Mixing currencies is refused.
/// </summary>
public readonly record struct Money
{
    public const string Dkk = "DKK";

    /// <exception cref="ArgumentException">The currency is not 3 upper-case letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount has more than 2 decimals.</exception>
    public Money(decimal amount, string currency = Dkk)
    {
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"A currency is an ISO 4217 code of 3 upper-case letters, got '{currency}'.", nameof(currency));
        }

        if (!Decimals.HasAtMost(amount, Decimals.Ore))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Money has at most 2 decimals (øre); round at a named point first.");
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency = Dkk) => new(0m, currency);

    /// <summary>The named rounding point of an invoice line: a 6-decimal amount to øre, half away from zero.</summary>
    public static Money FromAmount(Amount amount) => new(Decimals.Round(amount.Value, Decimals.Ore));

    /// <summary>Rounds any decimal to øre, half away from zero (VAT per rate, EN 16931 BR-CO-17).</summary>
    public static Money RoundedFrom(decimal value, string currency = Dkk) => new(Decimals.Round(value, Decimals.Ore), currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));

    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public override string ToString() => $"{Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new InvalidOperationException($"Cannot mix currencies {a.Currency} and {b.Currency}.");
}
