using System.Globalization;

namespace BiO.Bench.BillRun;

/// <summary>What the garbage collector did in this process: bytes allocated, time paused, collections per generation.</summary>
public readonly record struct GcFigures(long Allocated, TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static GcFigures Now() => new(
        GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcFigures operator -(GcFigures after, GcFigures before) => new(
        after.Allocated - before.Allocated, after.Paused - before.Paused,
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    public string PerItem(int count, string item) => string.Create(CultureInfo.InvariantCulture,
        $"GC {Allocated / (1024.0 * 1024):N0} MiB allocated ({Allocated / 1024.0 / count:N0} KiB per {item}), paused {Paused.TotalSeconds:F1} s, collections gen0 {Gen0} / gen1 {Gen1} / gen2 {Gen2}");
}
