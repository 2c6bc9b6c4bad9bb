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

    /// <summary>
    /// How long the inbox waits before looking again after a look that took nothing in; after a look that took files
    /// in it looks again at once, so a busy inbox drains without waiting.
    /// </summary>
    public TimeSpan InboxPollPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many inbox files are in the intake at once (default 256; at least 1), e.g.
    /// BiO__MarketIntake__InboxConcurrency=64. Files are still read and dated (received instant) one by one in ordinal
    /// name order, strictly increasing, so a correction named after its original wins however the answers interleave;
    /// many in flight let meter data documents share the <see cref="MeterDataPublisher"/>'s rounds instead of waiting
    /// for one round each. At most this many file bodies are held in memory.
    /// </summary>
    public int InboxConcurrency { get; set; } = 256;

    /// <summary>
    /// At most this many bytes of inbox file bodies in the intake at once (default 64 MiB), besides
    /// <see cref="InboxConcurrency"/>: DataHub's bundles run to megabytes each (2,000 metering point-days, about 10 MB of
    /// JSON). A file larger than this goes alone.
    /// </summary>
    public long InboxBytesInFlight { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Energi Data Service's DayAheadPrices dataset to fetch spot prices from, e.g.
    /// https://api.energidataservice.dk/dataset/DayAheadPrices. None: spot prices come by POST or the inbox only.
    /// </summary>
    public Uri? SpotPriceApi { get; set; }

    /// <summary>How often the spot price API is asked (for yesterday, today and the next two days).</summary>
    public TimeSpan SpotPriceFetchPeriod { get; set; } = TimeSpan.FromHours(1);
}
