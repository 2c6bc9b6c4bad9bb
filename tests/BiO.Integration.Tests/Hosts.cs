using System.Net;
using System.Net.Sockets;
using BiO.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BiO.Integration.Tests;

/// <summary>BiO's real hosts (the silo and gateway builders the processes use), started in this process on free ports.</summary>
public sealed class Host : IAsyncDisposable
{
    private Host(WebApplication app, string url, int siloPort)
    {
        App = app;
        Url = url;
        SiloPort = siloPort;
    }

    public WebApplication App { get; }

    public string Url { get; }

    public int SiloPort { get; }

    public IClusterClient Client => App.Services.GetRequiredService<IClusterClient>();

    /// <summary>A silo host. The demo job is off unless <paramref name="settings"/> name BiO:Demo:Enabled.</summary>
    public static Task<Host> SiloAsync(Dictionary<string, string?> settings)
    {
        var withoutDemo = new Dictionary<string, string?>(settings);
        withoutDemo.TryAdd("BiO:Demo:Enabled", "false");
        return StartAsync(withoutDemo, BiOHost.BuildSilo);
    }

    public static Task<Host> GatewayAsync(Dictionary<string, string?> settings) => StartAsync(settings, BiOHost.BuildGateway);

    public static Task<Host> MarketAdapterAsync(Dictionary<string, string?> settings) => StartAsync(settings, BiOHost.BuildMarketAdapter);

    /// <summary>The settings of a Cluster-profile process on the given services.</summary>
    public static Dictionary<string, string?> Cluster(string clusterId, string postgres, string azureQueues) => new()
    {
        ["BiO:Profile"] = "Cluster",
        ["BiO:ClusterId"] = clusterId,
        ["BiO:ServiceId"] = "bio-tests",
        ["BiO:Streams:QueueCount"] = "2",
        ["ConnectionStrings:Postgres"] = postgres,
        ["ConnectionStrings:AzureQueues"] = azureQueues,
        ["BiO:MarketIntake:GridAreaPriceAreas:344"] = "DK1",
    };

    private static async Task<Host> StartAsync(Dictionary<string, string?> settings, Func<string[], IReadOnlyDictionary<string, string?>, WebApplication> build)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var siloPort = FreePort();
        var overrides = new Dictionary<string, string?>(settings)
        {
            ["Urls"] = url,
            ["BiO:Silo:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BiO:Silo:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = build([], overrides);
        await app.StartAsync();
        return new Host(app, url, siloPort);
    }

    public async Task StopAsync() => await App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        await App.DisposeAsync();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; returns the last answer.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout) =>
        (await TryAsync(condition, timeout)).Held;

    /// <summary>Asserts that <paramref name="condition"/> comes to hold within <paramref name="timeout"/>; the failure names the last error seen.</summary>
    public static async Task AssertAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var (held, lastError) = await TryAsync(condition, timeout);
        Assert.True(held, lastError is null ? what : $"{what}; last error: {lastError.GetType().Name}: {lastError.Message}");
    }

    private static async Task<(bool Held, Exception? LastError)> TryAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return (true, null);
                }
            }
            catch (Exception ex)
            {
                lastError = ex; // not yet: the cluster may still be settling
            }

            if (DateTime.UtcNow >= deadline)
            {
                return (false, lastError);
            }

            await Task.Delay(100);
        }
    }
}
