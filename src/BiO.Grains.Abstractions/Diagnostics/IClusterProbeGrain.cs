namespace BiO.Grains.Diagnostics;

/// <summary>
/// A small grain for operators and tests: tells which silo it lives on and relays a call to another probe,
/// so routing between silos can be seen working.
/// </summary>
[Alias("BiO.IClusterProbeGrain")]
public interface IClusterProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The silo this activation runs on.</summary>
    [Alias("WhereAreYou")]
    Task<ProbeReply> WhereAreYouAsync();

    /// <summary>Calls probe <paramref name="targetKey"/> from this grain and returns both places.</summary>
    [Alias("Relay")]
    Task<RelayReply> RelayAsync(long targetKey);
}

/// <summary>Where a probe runs.</summary>
[GenerateSerializer, Immutable, Alias("BiO.ProbeReply")]
public sealed record ProbeReply([property: Id(0)] long Key, [property: Id(1)] string Silo);

/// <summary>The caller's and the callee's silo.</summary>
[GenerateSerializer, Immutable, Alias("BiO.RelayReply")]
public sealed record RelayReply([property: Id(0)] ProbeReply From, [property: Id(1)] ProbeReply To);
