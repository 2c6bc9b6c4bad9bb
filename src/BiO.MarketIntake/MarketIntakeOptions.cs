namespace BiO.MarketIntake;

/// <summary>Settings of the intake (configuration section BiO:MarketIntake).</summary>
public sealed class MarketIntakeOptions
{
    /// <summary>
    /// The price area (DK1 or DK2) of each grid area code: AccountingPointCharacteristics (E07) carries none, so the
    /// supplier keeps this table as data, e.g. BiO__MarketIntake__GridAreaPriceAreas__344=DK1.
    /// </summary>
    public Dictionary<string, string> GridAreaPriceAreas { get; set; } = new(StringComparer.Ordinal);
}
