using Microsoft.Extensions.Configuration;

namespace BiO.Hosting;

/// <summary>How a BiO process runs.</summary>
public enum Profile
{
    /// <summary>One process: localhost clustering, memory streams; PostgreSQL storage when configured, else memory.</summary>
    Embedded,

    /// <summary>ADO.NET clustering, persistence and reminders on PostgreSQL; Azure Queue streams; several silos.</summary>
    Cluster,
}

/// <summary>
/// BiO's settings, from appsettings.json, environment variables (BiO__Profile) and the command line
/// (--BiO:Profile=Cluster). The README's configuration table lists them; keep the two in step.
/// </summary>
public sealed class BiOSettings
{
    public Profile Profile { get; set; } = Profile.Embedded;

    public string ClusterId { get; set; } = "bio";

    public string ServiceId { get; set; } = "bio";

    public SiloSettings Silo { get; set; } = new();

    public StreamSettings Streams { get; set; } = new();

    public DatabaseSettings Database { get; set; } = new();

    /// <summary>ConnectionStrings:Postgres, an Npgsql connection string, with BiO's defaults where it sets none (<see cref="PostgresConnection"/>).</summary>
    public string? Postgres { get; set; }

    /// <summary>ConnectionStrings:AzureQueues, an Azure Storage connection string (UseDevelopmentStorage=true for Azurite).</summary>
    public string? AzureQueues { get; set; }

    /// <summary>Reads the settings of <paramref name="configuration"/> and checks that the profile has what it needs.</summary>
    /// <exception cref="InvalidOperationException">A setting the profile needs is missing; the message names it.</exception>
    public static BiOSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("BiO").Get<BiOSettings>() ?? new BiOSettings();
        settings.Postgres = NullIfBlank(configuration.GetConnectionString("Postgres")) is { } postgres ? PostgresConnection.WithDefaults(postgres) : null;
        settings.AzureQueues = NullIfBlank(configuration.GetConnectionString("AzureQueues"));
        if (settings.Profile == Profile.Cluster)
        {
            Require(settings.Postgres, "ConnectionStrings:Postgres (env ConnectionStrings__Postgres)");
            Require(settings.AzureQueues, "ConnectionStrings:AzureQueues (env ConnectionStrings__AzureQueues)");
        }

        return settings;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Require(string? value, string name)
    {
        if (value is null)
        {
            throw new InvalidOperationException($"The Cluster profile needs {name}; it is not set.");
        }
    }
}

public sealed class SiloSettings
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on (Cluster profile).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Serve the Orleans dashboard at /dashboard/.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>
    /// How long a metering point stays active without a call (other grains: Orleans' default). A point's meter data
    /// arrives every day, so a point kept a little over a day is awake when its next day comes, instead of being
    /// activated for each day's message. Memory bounds it: above 80 % of the machine's memory in use, the silo
    /// deactivates the grains idle longest (Orleans' activation shedding).
    /// </summary>
    public TimeSpan MeteringPointIdleLimit { get; set; } = TimeSpan.FromHours(26);
}

public sealed class StreamSettings
{
    /// <summary>
    /// Azure queues per cluster for the market stream provider: each is read by one pulling agent (spread over the
    /// silos), so more queues spread the reading over more silos, and each costs a queue request every
    /// <see cref="PollPeriod"/> even when idle. Drain the queues before lowering it (messages in dropped queues stay).
    /// </summary>
    public int QueueCount { get; set; } = 4;

    /// <summary>
    /// How often an idle pulling agent looks at its queue: the stream latency when traffic is light, and the idle cost
    /// (a request per queue per period, to Azure Storage and in the silo).
    /// </summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(250);
}

public sealed class DatabaseSettings
{
    /// <summary>Apply the schema migrations at start-up (under an advisory lock, so several silos may start together).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
