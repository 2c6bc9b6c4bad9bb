using BiO.Demo;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace BiO.Hosting.Demo;

/// <summary>
/// The demo month that the embedded silo bills at start-up (configuration section BiO:Demo): on by default in the
/// Embedded profile, off in Cluster.
/// </summary>
public sealed class DemoSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BiO:Demo";

    /// <summary>Run the demo at start-up. None: on in the Embedded profile, off in Cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// How many metering points the demo supplies. About as many customer accounts: a few accounts hold two points
    /// (a summer house), so the accounts are some fewer.
    /// </summary>
    public int Customers { get; set; } = 300;

    /// <summary>The billing month as uuuu-MM; the default 2026-03 has the spring DST change (a 23-hour day).</summary>
    public string Month { get; set; } = "2026-03";

    /// <summary>The seed of every random choice of the generator: the same settings, the same month.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The share of metering points (0..1) whose meter data has gaps that DataHub answers when re-requested.</summary>
    public double MissingShare { get; set; } = new DemoOptions().MissingShare;

    /// <summary>
    /// The share of metering points (0..1) read every 15 minutes; the rest are read hourly (their spot energy is priced
    /// at the mean of each hour's 15-minute spot prices).
    /// </summary>
    public double QuarterHourShare { get; set; } = 0.8;

    /// <summary>How long the job waits for the bill run to complete before it prints what still waits.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a progress line is printed while the bill run goes.</summary>
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Reads BiO:Demo of <paramref name="configuration"/>.</summary>
    public static DemoSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DemoSettings>() ?? new DemoSettings();

    /// <summary>Whether the demo runs in <paramref name="profile"/>.</summary>
    public bool IsOn(Profile profile) => Enabled ?? profile == Profile.Embedded;

    /// <summary>The billing month.</summary>
    /// <exception cref="InvalidOperationException">The month does not read as uuuu-MM.</exception>
    public YearMonth BillingMonth()
    {
        var parsed = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM").Parse(Month);
        return parsed.Success ? parsed.Value : throw new InvalidOperationException($"{Section}:Month must be uuuu-MM, e.g. 2026-03; got '{Month}'.");
    }

    /// <summary>The generator's options for these settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range; the message names it.</exception>
    public DemoOptions ToDemoOptions()
    {
        var options = new DemoOptions { Seed = Seed, MeteringPoints = Customers, Month = BillingMonth(), MissingShare = MissingShare, QuarterHourShare = QuarterHourShare };
        try
        {
            options.Check();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{Section}: {ex.Message}", ex);
        }

        return options;
    }
}
