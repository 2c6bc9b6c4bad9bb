using System.Text.Json;
using BiO.Grains.Diagnostics;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class TwoSiloClusterTests(Services services)
{
    private async Task<(Host A, Host B, Host Gateway, string Database, string ClusterId)> StartAsync()
    {
        var clusterId = "two-" + Guid.NewGuid().ToString("N")[..12];
        var database = services.NewDatabase("two");
        var settings = Host.Cluster(clusterId, database, services.AzureQueues);
        var a = await Host.SiloAsync(settings);
        var b = await Host.SiloAsync(settings);
        var gateway = await Host.GatewayAsync(settings);
        await Eventually.AssertAsync(
            async () => (await gateway.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2,
            TimeSpan.FromSeconds(30), "both silos should become active");
        return (a, b, gateway, database, clusterId);
    }

    [Fact]
    public async Task Both_silos_are_active_in_PostgreSQL_calls_cross_between_them_and_the_dashboard_lists_them()
    {
        var (a, b, gateway, database, clusterId) = await StartAsync();
        await using var _ = gateway;
        await using var __ = b;
        await using var ___ = a;

        Assert.True(await Eventually.HoldsAsync(
            async () => (long)(await PostgresPersistenceTests.ScalarAsync(database, "select count(*) from orleans_membership where deploymentid = @cluster and status = 3", clusterId))! == 2,
            TimeSpan.FromSeconds(30)), "two silos should be Active (3) in orleans_membership");

        var (onA, onB) = await ProbesOnEachSiloAsync(gateway, a);
        var relay = await gateway.Client.GetGrain<IClusterProbeGrain>(onA).RelayAsync(onB);
        Assert.NotEqual(relay.From.Silo, relay.To.Silo);
        Assert.Contains($":{a.SiloPort}", relay.From.Silo, StringComparison.Ordinal);
        Assert.Contains($":{b.SiloPort}", relay.To.Silo, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(a.Url) };
        var page = await http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.True(page.IsSuccessStatusCode, $"/dashboard/ answered {page.StatusCode}");
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var counted = await Eventually.HoldsAsync(async () =>
        {
            using var counters = JsonDocument.Parse(await http.GetStringAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative)));
            var hosts = counters.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("siloAddress").GetString()).ToList();
            return hosts.Count == 2 && hosts.Any(h => h!.Contains($":{a.SiloPort}@", StringComparison.Ordinal)) && hosts.Any(h => h!.Contains($":{b.SiloPort}@", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30));
        Assert.True(counted, "the dashboard counters should list both silos");

        using var gatewayHttp = new HttpClient { BaseAddress = new Uri(gateway.Url) };
        Assert.Equal("Healthy", await gatewayHttp.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task The_cluster_keeps_answering_after_one_silo_is_stopped()
    {
        var (a, b, gateway, _, _) = await StartAsync();
        await using var __ = gateway;
        await using var ___ = a;
        var (onA, onB) = await ProbesOnEachSiloAsync(gateway, a);
        var siloA = (await gateway.Client.GetGrain<IClusterProbeGrain>(onA).WhereAreYouAsync()).Silo;

        await b.DisposeAsync();

        await Eventually.AssertAsync(async () =>
        {
            var moved = await gateway.Client.GetGrain<IClusterProbeGrain>(onB).WhereAreYouAsync().WaitAsync(TimeSpan.FromSeconds(5));
            var stayed = await gateway.Client.GetGrain<IClusterProbeGrain>(onA).RelayAsync(onB).WaitAsync(TimeSpan.FromSeconds(5));
            return moved.Silo == siloA && stayed.To.Silo == siloA;
        }, TimeSpan.FromSeconds(60), "after silo B stopped, its grains should answer from silo A");
    }

    /// <summary>A probe key living on silo <paramref name="a"/> and one living on the other silo (placement is random: try keys).</summary>
    private static async Task<(long OnA, long OnB)> ProbesOnEachSiloAsync(Host gateway, Host a)
    {
        long? onA = null, onB = null;
        var deadline = DateTime.UtcNow.AddSeconds(30); // a new silo takes placements once the others have seen it join
        while (DateTime.UtcNow < deadline && (onA is null || onB is null))
        {
            var probe = await gateway.Client.GetGrain<IClusterProbeGrain>(Random.Shared.NextInt64()).WhereAreYouAsync();
            if (probe.Silo.Contains($":{a.SiloPort}", StringComparison.Ordinal))
            {
                onA ??= probe.Key;
            }
            else
            {
                onB ??= probe.Key;
            }
        }

        return onA is { } x && onB is { } y
            ? (x, y)
            : throw new InvalidOperationException("every probe landed on one silo: the other silo does not take grains");
    }
}
