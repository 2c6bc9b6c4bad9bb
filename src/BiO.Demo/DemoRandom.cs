namespace BiO.Demo;

/// <summary>
/// A small deterministic random source (SplitMix64) that can be started anywhere from a few keys, so that the
/// values of metering point 73,512 on day 17 are drawn without drawing those before it: the generator can stream
/// and the simulated DataHub can recompute what was held back. The same keys give the same numbers on any machine.
/// </summary>
internal struct DemoRandom
{
    private ulong state;

    public DemoRandom(int seed, long a, long b = 0, long c = 0)
    {
        state = Mix(Mix(Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL) ^ (ulong)a) ^ ((ulong)b * 0xBF58476D1CE4E5B9UL)) ^ ((ulong)c * 0x94D049BB133111EBUL);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [from, to).</summary>
    public int Next(int from, int to) => from + (int)((NextBits() >> 1) % (ulong)(to - from));

    /// <summary>True with probability <paramref name="share"/>.</summary>
    public bool Chance(double share) => NextDouble() < share;

    /// <summary>One of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
