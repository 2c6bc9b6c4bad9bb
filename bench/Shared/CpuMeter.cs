using System.Diagnostics;
using System.Globalization;

namespace BiO.Bench;

/// <summary>CPU seconds used so far by this process, the private PostgreSQL instance and the private Azurite.</summary>
/// <param name="Process">This process (silos and harness).</param>
/// <param name="Postgres">The postmaster, its live backends and the backends that have ended; null when unknown.</param>
/// <param name="Azurite">The Azurite process and its live children; null when unknown.</param>
public readonly record struct CpuSeconds(double Process, double? Postgres, double? Azurite = null)
{
    public static CpuSeconds operator -(CpuSeconds after, CpuSeconds before) =>
        new(after.Process - before.Process, after.Postgres - before.Postgres, after.Azurite - before.Azurite);

    public override string ToString() =>
        $"CPU {Process:F1} s in this process + {Format(Postgres)} s in PostgreSQL" + (Azurite is { } az ? $" + {Format(az)} s in Azurite" : "");

    private static string Format(double? seconds) => seconds is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) : "?";
}

/// <summary>
/// Reads CPU time from /proc (Linux): load-independent figures on a shared machine. PostgreSQL's is found from
/// <c>$BIO_PG_DIR/postmaster.pid</c> (deploy/local/postgres.sh): the postmaster's own and reaped children's time plus
/// every live child's; Azurite's from <c>$BIO_AZURITE_DIR/azurite.pid</c> (deploy/local/azurite.sh) and its children.
/// </summary>
public static class CpuMeter
{
    private static readonly double Tick = 1.0 / 100; // USER_HZ

    public static CpuSeconds Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSeconds(self.TotalProcessorTime.TotalSeconds, Tree("BIO_PG_DIR", "postmaster.pid"), Tree("BIO_AZURITE_DIR", "azurite.pid"));
    }

    // The CPU of the process named by a pid file and of its children, live and reaped.
    private static double? Tree(string directoryVariable, string pidFile)
    {
        var directory = Environment.GetEnvironmentVariable(directoryVariable);
        if (directory is null || !File.Exists(Path.Combine(directory, pidFile)))
        {
            return null;
        }

        var root = int.Parse(File.ReadLines(Path.Combine(directory, pidFile)).First(), CultureInfo.InvariantCulture);
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == root)
            {
                total += stat.UserAndSystem + stat.Children;
            }
            else if (stat.Parent == root)
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
