using System.Diagnostics;
using System.Globalization;

namespace BiO.Bench.BillRun;

/// <summary>CPU seconds used so far by this process and by the private PostgreSQL instance.</summary>
/// <param name="Process">This process (silos and harness).</param>
/// <param name="Postgres">The postmaster, its live backends and the backends that have ended; null when unknown.</param>
public readonly record struct CpuSeconds(double Process, double? Postgres)
{
    public static CpuSeconds operator -(CpuSeconds after, CpuSeconds before) =>
        new(after.Process - before.Process, after.Postgres - before.Postgres);

    public override string ToString() =>
        $"CPU {Process:F1} s in this process + {(Postgres is { } pg ? pg.ToString("F1", CultureInfo.InvariantCulture) : "?")} s in PostgreSQL";
}

/// <summary>
/// Reads CPU time from /proc (Linux): load-independent figures on a shared machine. PostgreSQL's is found from
/// <c>$BIO_PG_DIR/postmaster.pid</c> (deploy/local/postgres.sh): the postmaster's own and reaped children's time plus
/// every live child's.
/// </summary>
public static class CpuMeter
{
    private static readonly double Tick = 1.0 / 100; // USER_HZ

    public static CpuSeconds Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSeconds(self.TotalProcessorTime.TotalSeconds, Postgres());
    }

    private static double? Postgres()
    {
        var directory = Environment.GetEnvironmentVariable("BIO_PG_DIR");
        if (directory is null || !File.Exists(Path.Combine(directory, "postmaster.pid")))
        {
            return null;
        }

        var postmaster = int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                total += stat.UserAndSystem + stat.Children;
            }
            else if (stat.Parent == postmaster)
            {
                total += stat.UserAndSystem;
            }
        }

        return total * Tick;
    }

    private static (int Parent, long UserAndSystem, long Children)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long F(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
            return ((int)F(1), F(11) + F(12), F(13) + F(14));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
