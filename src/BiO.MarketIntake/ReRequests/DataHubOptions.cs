using BiO.Demo;
using BiO.Market.Documents;
using NodaTime.Text;

namespace BiO.MarketIntake.ReRequests;

/// <summary>
/// How BiO talks to DataHub (configuration section BiO:DataHub). The RSM-015 sender is on when a channel is set:
/// <see cref="RequestUrl"/> (HTTP), or <see cref="Simulation"/> (the simulated DataHub of a demo month, in process).
/// </summary>
public sealed class DataHubOptions
{
    /// <summary>Where RSM-015 requests are POSTed, e.g. BiO__DataHub__RequestUrl=https://... . None and no simulation: nothing is sent.</summary>
    public Uri? RequestUrl { get; set; }

    /// <summary>Our GLN (the energy supplier, role DDQ) as sender of requests; required with <see cref="RequestUrl"/>.</summary>
    public string? Supplier { get; set; }

    /// <summary>How often due requests are looked for.</summary>
    public TimeSpan SendPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many requests (series) one RSM-015 document carries at most.</summary>
    public int RequestsPerDocument { get; set; } = 100;

    /// <summary>The simulated DataHub of a demo month (no real DataHub): its answers come back through the intake.</summary>
    public DataHubSimulationOptions? Simulation { get; set; }

    /// <summary>Our GLN: <see cref="Supplier"/>, else the simulated demo month's supplier.</summary>
    /// <exception cref="InvalidOperationException">Neither is set, or the GLN is not 13 digits.</exception>
    public Gln SupplierGln()
    {
        var text = Supplier ?? Simulation?.ToDemoOptions().Supplier.Value
            ?? throw new InvalidOperationException("BiO:DataHub:Supplier (our GLN) is needed to send RSM-015 requests.");
        return Gln.TryParse(text, out var gln, out var error)
            ? gln
            : throw new InvalidOperationException($"BiO:DataHub:Supplier: {error}");
    }
}

/// <summary>The demo month the simulated DataHub answers for (the options the month was generated with).</summary>
public sealed class DataHubSimulationOptions
{
    public int Seed { get; set; } = new DemoOptions().Seed;

    public int MeteringPoints { get; set; } = new DemoOptions().MeteringPoints;

    /// <summary>The month as uuuu-MM; none: the demo default.</summary>
    public string? Month { get; set; }

    public double MissingShare { get; set; } = new DemoOptions().MissingShare;

    public double QuarterHourShare { get; set; } = new DemoOptions().QuarterHourShare;

    public double MidMonthStartShare { get; set; } = new DemoOptions().MidMonthStartShare;

    /// <summary>How long the simulated DataHub takes before its answer reaches the intake.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <exception cref="InvalidOperationException">The month does not read.</exception>
    public DemoOptions ToDemoOptions()
    {
        var options = new DemoOptions { Seed = Seed, MeteringPoints = MeteringPoints, MissingShare = MissingShare, QuarterHourShare = QuarterHourShare, MidMonthStartShare = MidMonthStartShare };
        if (Month is null)
        {
            return options;
        }

        var month = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM").Parse(Month);
        return month.Success
            ? options with { Month = month.Value }
            : throw new InvalidOperationException($"BiO:DataHub:Simulation:Month must be uuuu-MM, got '{Month}'.");
    }
}
