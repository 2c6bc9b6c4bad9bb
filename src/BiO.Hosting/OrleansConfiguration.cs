using System.Net;
using Azure.Storage.Queues;
using BiO.Grains;
using BiO.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Orleans.Configuration;
using Orleans.Storage;

namespace BiO.Hosting;

/// <summary>The Orleans providers of each profile, for silos and for clients (gateway, market adapter).</summary>
public static class OrleansConfiguration
{
    /// <summary>The ADO.NET invariant of Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Configures a silo for <paramref name="settings"/>: cluster identity, clustering, then <see cref="AddBiOProviders"/>.</summary>
    public static ISiloBuilder ConfigureBiO(this ISiloBuilder silo, BiOSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        if (settings.Profile == Profile.Cluster)
        {
            if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
            {
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Parse(settings.Silo.AdvertisedAddress), settings.Silo.SiloPort, settings.Silo.GatewayPort, listenOnAnyHostAddress: true);
            }

            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = settings.Postgres;
            });
        }
        else
        {
            silo.UseLocalhostClustering(settings.Silo.SiloPort, settings.Silo.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        }

        return silo.AddBiOProviders(settings);
    }

    /// <summary>
    /// Serialization, grain storage, reminders and stream providers of a profile, without clustering (so that
    /// test clusters can bring their own membership).
    /// </summary>
    public static ISiloBuilder AddBiOProviders(this ISiloBuilder silo, BiOSettings settings)
    {
        AddSerialization(silo.Services);
        silo.Services.AddBiOStores(settings.Postgres);
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.ClassSpecificCollectionAge[typeof(BiO.Grains.MeteringPoints.MeteringPointGrain).FullName!] = settings.Silo.MeteringPointIdleLimit;
            o.EnableActivationSheddingOnMemoryPressure = true;
            o.MemoryUsageLimitPercentage = 80;
            o.MemoryUsageTargetPercentage = 70;
        });
        silo.Services.AddOptions<BiO.Grains.BillRuns.BillRunOptions>().BindConfiguration("BiO:BillRuns");
        silo.AddStartupTask(EnsureBillingScheduleAsync);
        if (settings.Profile == Profile.Cluster)
        {
            silo.AddAzureQueueStreams(StreamNames.MarketProvider, configurator =>
            {
                configurator.ConfigureAzureQueue(ob => ob.Configure(o => ConfigureQueues(o, settings)));
                configurator.ConfigurePullingAgent(ob => ob.Configure(o => o.GetQueueMsgsTimerPeriod = settings.Streams.PollPeriod));
            });
        }
        else
        {
            silo.AddMemoryStreams(StreamNames.MarketProvider);
        }

        if (settings.Postgres is { } postgres)
        {
            silo.AddAdoNetGrainStorage(StorageNames.Grains, o => UseNpgsql(o, postgres));
            silo.AddAdoNetGrainStorage(StorageNames.PubSub, o => UseNpgsql(o, postgres));
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = postgres;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>Configures an Orleans client (gateway, market adapter) for <paramref name="settings"/>.</summary>
    public static IClientBuilder ConfigureBiO(this IClientBuilder client, BiOSettings settings)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        AddSerialization(client.Services);
        client.Services.AddBiOStores(settings.Postgres);
        if (settings.Profile == Profile.Cluster)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = settings.Postgres;
            });
            client.AddAzureQueueStreams(StreamNames.MarketProvider, ob => ob.Configure(o => ConfigureQueues(o, settings)));
        }
        else
        {
            client.UseLocalhostClustering(settings.Silo.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            client.AddMemoryStreams(StreamNames.MarketProvider);
        }

        return client;
    }

    /// <summary>The Azure queue names of a cluster: lower-case letters, digits and dashes, as Azure requires.</summary>
    public static IReadOnlyList<string> QueueNames(BiOSettings settings)
    {
        var prefix = new string(settings.ClusterId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return Enumerable.Range(0, settings.Streams.QueueCount).Select(i => $"{prefix}-market-{i}").ToList();
    }

    private static void ConfigureQueues(AzureQueueOptions options, BiOSettings settings)
    {
        options.QueueServiceClient = new QueueServiceClient(settings.AzureQueues);
        options.QueueNames = QueueNames(settings).ToList();
    }

    private static void UseNpgsql(AdoNetGrainStorageOptions options, string connectionString)
    {
        options.Invariant = NpgsqlInvariant;
        options.ConnectionString = connectionString;
    }

    // Grain state is written with Orleans' own binary serializer: the same surrogates that carry NodaTime on the
    // wire then also read it back from storage (the default JSON state serializer writes NodaTime values but
    // cannot read them). Version tolerance comes from the [Id] fields. Decided before any data exists.
    private static void AddSerialization(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
    }

    // When scheduled bill runs are on, the schedule grain keeps its settings and its reminder (idempotent on every start).
    private static Task EnsureBillingScheduleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BiO.Grains.BillRuns.BillRunOptions>>().Value;
        return options.ScheduleEnabled
            ? services.GetRequiredService<IGrainFactory>().GetGrain<BiO.Grains.BillRuns.IBillingScheduleGrain>(BiO.Grains.BillRuns.BillingScheduleKeys.Monthly)
                .EnsureAsync(options.ScheduleDayOfMonth, NodaTime.LocalTime.FromTicksSinceMidnight(options.ScheduleAt.Ticks))
            : Task.CompletedTask;
    }
}
