using BiO.Demo;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.MarketIntake.ReRequests;

/// <summary>Registers the RSM-015 re-request loop: the sender, its DataHub channel and the recording of answers.</summary>
public static class ReRequestRegistration
{
    /// <summary>Configuration section of <see cref="DataHubOptions"/>.</summary>
    public const string Section = "BiO:DataHub";

    /// <summary>
    /// The sender (a hosted service) and <see cref="MeterDataAnswers"/>, with settings from BiO:DataHub. The channel is
    /// an <see cref="IDataHubChannel"/> registered by the caller (e.g. <see cref="AddSimulatedDataHub"/>), else HTTP to
    /// BiO:DataHub:RequestUrl, else the simulated DataHub of BiO:DataHub:Simulation, else none (the sender is off).
    /// Needs the stores (<c>AddBiOStores</c>) and an <see cref="IClock"/>.
    /// </summary>
    public static IServiceCollection AddMeterDataReRequests(this IServiceCollection services)
    {
        services.AddOptions<DataHubOptions>().BindConfiguration(Section);
        services.TryAddSingleton<MeterDataAnswers>();
        services.AddHttpClient(HttpDataHubChannel.ClientName);
        services.TryAddSingleton(sp => new ConfiguredChannel(ChannelFor(sp, out var owned), owned));
        services.TryAddSingleton(sp => new MeterDataRequestSender(
            sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<ConfiguredChannel>().Channel,
            sp.GetRequiredService<IOptions<DataHubOptions>>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<ILogger<MeterDataRequestSender>>()));
        services.AddHostedService(sp => sp.GetRequiredService<MeterDataRequestSender>());
        return services;
    }

    /// <summary>Answers RSM-015 requests with the simulated DataHub of <paramref name="month"/> (replaces any other channel).</summary>
    public static IServiceCollection AddSimulatedDataHub(this IServiceCollection services, DemoMonth month, TimeSpan? answerDelay = null)
    {
        ArgumentNullException.ThrowIfNull(month);
        services.RemoveAll<IDataHubChannel>();
        services.AddSingleton<IDataHubChannel>(sp => Simulated(sp, month, answerDelay ?? TimeSpan.FromMilliseconds(200)));
        services.PostConfigure<DataHubOptions>(o => o.Supplier ??= month.Options.Supplier.Value);
        return services;
    }

    private static IDataHubChannel? ChannelFor(IServiceProvider services, out bool owned)
    {
        owned = false;
        if (services.GetService<IDataHubChannel>() is { } registered)
        {
            return registered;
        }

        owned = true;

        var options = services.GetRequiredService<IOptions<DataHubOptions>>().Value;
        if (options.RequestUrl is { } url)
        {
            options.SupplierGln(); // refuse a missing supplier at start, not at the first send
            return new HttpDataHubChannel(services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpDataHubChannel.ClientName), url);
        }

        return options.Simulation is { } simulation
            ? Simulated(services, new DemoMonth(simulation.ToDemoOptions()), simulation.AnswerDelay)
            : null;
    }

    private static SimulatedDataHubChannel Simulated(IServiceProvider services, DemoMonth month, TimeSpan answerDelay) =>
        new(new SimulatedDataHub(month), services.GetRequiredService<MarketIntake>(), answerDelay, services.GetRequiredService<ILogger<SimulatedDataHubChannel>>());

    /// <summary>The sender's channel; one built here from configuration is disposed with the container.</summary>
    private sealed class ConfiguredChannel(IDataHubChannel? channel, bool owned) : IDisposable
    {
        public IDataHubChannel? Channel => channel;

        public void Dispose()
        {
            if (owned && channel is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
