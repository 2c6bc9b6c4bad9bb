namespace BiO.Grains;

/// <summary>Stream provider and namespace names, in one place.</summary>
public static class StreamNames
{
    /// <summary>The stream provider that carries market documents into the cluster (memory or Azure Queues).</summary>
    public const string MarketProvider = "market";

    /// <summary>Documents concerning one metering point; stream key = GSRN; implicit subscriber: the metering point grain.</summary>
    public const string MeteringPointDocuments = "metering-point-documents";

    /// <summary>Meter data stored for one metering point; stream key = GSRN; implicit subscriber: the metering point grain.</summary>
    public const string MeterData = "metering-point-meter-data";
}

/// <summary>Grain storage provider names.</summary>
public static class StorageNames
{
    /// <summary>BiO's grain state (PostgreSQL, or memory in the embedded profile without a database).</summary>
    public const string Grains = "bio";

    /// <summary>Orleans' stream pub-sub bookkeeping.</summary>
    public const string PubSub = "PubSubStore";
}
