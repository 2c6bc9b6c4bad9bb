namespace BiO.Grains;

/// <summary>Stream provider and namespace names, in one place.</summary>
public static class StreamNames
{
    /// <summary>The stream provider that carries market documents into the cluster (memory or Azure Queues).</summary>
    public const string MarketProvider = "market";

    /// <summary>
    /// Meter data stored for many metering points, one stream per partition (key = <see cref="MeterDataPartitions.Of"/>);
    /// implicit subscriber: the partition grain, which hands each metering point its part.
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

/// <summary>
/// Meter data notices travel in batches per partition of metering points, so a queue message serves many points
/// (a queue message per point would make the queue the limit).
/// </summary>
public static class MeterDataPartitions
{
    public const int Count = 64;

    /// <summary>The partition of a GSRN (18 digits): its value modulo <see cref="Count"/>.</summary>
    public static string Of(string gsrn) =>
        (long.Parse(gsrn, System.Globalization.CultureInfo.InvariantCulture) % Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
