using BiO.Hosting;
using Orleans.TestingHost;

namespace BiO.Grains.Tests;

/// <summary>An in-process cluster of two silos with BiO's embedded providers (memory storage, memory streams).</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var settings = new BiOSettings();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddBiOProviders(settings));
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
