namespace BiO.Grains;

/// <summary>Stream provider and namespace names, in one place.</summary>
public static class StreamNames
{
    /// <summary>The stream provider that carries market documents into the cluster (memory or Azure Queues).</summary>
    public const string MarketProvider = "market";

    /// <summary>
    /// Notices of meter data stored, many metering points to a message, on a few streams the market adapter takes in
    /// turn (keys "0" to "7"); implicit subscriber: the partition grain, which hands each metering point its part.
    /// </summary>
    public const string MeterDataPartition = "meter-data-partition";
}

/// <summary>Grain storage provider names.</summary>
public static class StorageNames
{
    /// <summary>BiO's grain state (PostgreSQL, or memory in the embedded profile without a database).</summary>
    public const string Grains = "bio";

    /// <summary>Orleans' stream pub-sub bookkeeping.</summary>
    public const string PubSub = "PubSubStore";
}
