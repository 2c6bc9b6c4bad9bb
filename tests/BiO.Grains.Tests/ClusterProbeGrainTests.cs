using BiO.Grains.Diagnostics;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class ClusterProbeGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_probe_reports_its_silo_and_relays_to_another()
    {
        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).ToHashSet();
        var reply = await fixture.Client.GetGrain<IClusterProbeGrain>(1).RelayAsync(2);
        Assert.Equal(1, reply.From.Key);
        Assert.Equal(2, reply.To.Key);
        Assert.Contains(reply.From.Silo, silos);
        Assert.Contains(reply.To.Silo, silos);
    }
}
