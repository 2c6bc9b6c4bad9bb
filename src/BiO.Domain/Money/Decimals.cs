namespace BiO.Domain.Money;

/// <summary>The named rounding points of BiO. Every rounding names its MidpointRounding (AwayFromZero).</summary>
public static class Decimals
{
    public const int Quantity = 3;
    public const int UnitPrice = 6;
    public const int Amount = 6;
    public const int Ore = 2;

    /// <summary>Rounds half away from zero, the only mode BiO uses for money.</summary>
    public static decimal Round(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="value"/> has no more than <paramref name="decimals"/> significant decimals.</summary>
    public static bool HasAtMost(decimal value, int decimals) =>
        value.Scale <= decimals || decimal.Round(value, decimals, MidpointRounding.AwayFromZero) == value;
}
