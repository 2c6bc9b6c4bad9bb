using BiO.Hosting;
using BiO.Persistence.MeterData;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace BiO.Grains.Tests;

/// <summary>An in-process cluster of two silos with BiO's embedded providers (memory storage, memory streams).</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>One meter data store for both silos, as PostgreSQL is one for a real cluster.</summary>
    public InMemoryMeterDataStore MeterData { get; } = new();

    public async Task InitializeAsync()
    {
        var settings = new BiOSettings();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddBiOProviders(settings);
            silo.Services.AddSingleton<IMeterDataStore>(MeterData);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.MarketProvider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
