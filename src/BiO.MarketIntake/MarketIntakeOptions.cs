namespace BiO.MarketIntake;

/// <summary>Settings of the intake (configuration section BiO:MarketIntake).</summary>
public sealed class MarketIntakeOptions
{
    /// <summary>
    /// The price area (DK1 or DK2) of each grid area code: AccountingPointCharacteristics (E07) carries none, so the
    /// supplier keeps this table as data, e.g. BiO__MarketIntake__GridAreaPriceAreas__344=DK1.
    /// </summary>
    public Dictionary<string, string> GridAreaPriceAreas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A folder the adapter takes documents from (*.json, *.xml; write them under another name and rename them in).
    /// Each file is moved to accepted/, duplicate/ or rejected/ (with a .reasons.txt) beside it. None: no inbox.
    /// </summary>
    public string? Inbox { get; set; }

    /// <summary>How often the inbox is looked at.</summary>
    public TimeSpan InboxPollPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Energi Data Service's DayAheadPrices dataset to fetch spot prices from, e.g.
    /// https://api.energidataservice.dk/dataset/DayAheadPrices. None: spot prices come by POST or the inbox only.
    /// </summary>
    public Uri? SpotPriceApi { get; set; }

    /// <summary>How often the spot price API is asked (for yesterday, today and the next two days).</summary>
    public TimeSpan SpotPriceFetchPeriod { get; set; } = TimeSpan.FromHours(1);
}
