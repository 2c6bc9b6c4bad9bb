namespace BiO.Grains.Diagnostics;

/// <summary>Reports its silo and relays calls to other probes (see <see cref="IClusterProbeGrain"/>).</summary>
public sealed class ClusterProbeGrain : Grain, IClusterProbeGrain
{
    Task<ProbeReply> IClusterProbeGrain.WhereAreYouAsync() => Task.FromResult(Here());

    async Task<RelayReply> IClusterProbeGrain.RelayAsync(long targetKey)
    {
        var to = await GrainFactory.GetGrain<IClusterProbeGrain>(targetKey).WhereAreYouAsync();
        return new RelayReply(Here(), to);
    }

    private ProbeReply Here() => new(this.GetPrimaryKeyLong(), RuntimeIdentity);
}
