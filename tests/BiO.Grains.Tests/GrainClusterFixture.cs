using BiO.Hosting;
using BiO.Grains.BillRuns;
using BiO.Persistence.Invoicing;
using BiO.Persistence.MeterData;
using BiO.Persistence.Outbox;
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

    /// <summary>One outbox and one invoice store for both silos (numbers are gapless per series across the cluster).</summary>
    public InMemoryOutbox Outbox { get; } = new(OutboxPolicy.Default);

    public InMemoryInvoiceStore Invoices { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Invoices = new InMemoryInvoiceStore(Outbox);
        var settings = new BiOSettings();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddBiOProviders(settings);
            silo.Services.AddSingleton<IMeterDataStore>(MeterData);
            silo.Services.AddSingleton<IOutbox>(Outbox);
            silo.Services.AddSingleton<IInvoiceStore>(Invoices);
            silo.Services.Configure<BillRunOptions>(o => (o.RetryWaitingAfter, o.PollPeriod) = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)));
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
