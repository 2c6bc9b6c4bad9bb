using BiO.Domain.Prices;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Demo;

/// <summary>
/// A grid area of the demo: its 3-digit code, the price area it lies in, and the grid company (metering point
/// responsible, owner of the grid tariff and subscription).
/// </summary>
/// <param name="Code">The grid area (<c>meteringGridArea_Domain.mRID</c>), 3 digits.</param>
/// <param name="PriceArea">DK1 or DK2 (E07 carries none: BiO keeps it as configuration).</param>
/// <param name="GridOperator">The grid company's GLN.</param>
/// <param name="GridOperatorName">The grid company's name, for the charge descriptions.</param>
public sealed record DemoGridArea(string Code, PriceArea PriceArea, Gln GridOperator, string GridOperatorName);

/// <summary>
/// What a demo month holds. Every value that shapes the output is here; the same options give the same bytes.
/// </summary>
public sealed record DemoOptions
{
    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many metering points (E17 consumption) we supply; up to 100,000 and beyond.</summary>
    public int MeteringPoints { get; init; } = 100;

    /// <summary>The billing month the meter data, prices and spot prices cover.</summary>
    public YearMonth Month { get; init; } = new(2026, 3);

    /// <summary>The grid areas the points are spread over (round robin by a random draw); their price areas get spot prices.</summary>
    public IReadOnlyList<DemoGridArea> GridAreas { get; init; } =
    [
        new("344", PriceArea.DK1, Gln.Parse("5790000610976"), "N1 A/S"),
        new("791", PriceArea.DK2, Gln.Parse("5790000610099"), "Radius Elnet A/S"),
    ];

    /// <summary>The share of metering points (0..1) with gaps: hours sent as A02 (not available) or whole days not sent.</summary>
    public double MissingShare { get; init; } = 0.05;

    /// <summary>The share of metering points (0..1) read every 15 minutes (PT15M); the rest hourly (PT1H).</summary>
    public double QuarterHourShare { get; init; } = 0.8;

    /// <summary>The share of metering points (0..1) whose supply by us starts during the month (no meter data before).</summary>
    public double MidMonthStartShare { get; init; } = 0.03;

    /// <summary>How many series (metering point-days) one RSM-012 document bundles.</summary>
    public int SeriesPerDocument { get; init; } = 1000;

    /// <summary>How many records one master data, supply change or charge link document carries.</summary>
    public int RecordsPerDocument { get; init; } = 1000;

    /// <summary>Us: the energy supplier (DDQ) the documents are addressed to.</summary>
    public Gln Supplier { get; init; } = Gln.Parse("5790002000001");

    /// <summary>Our balance responsible party, named in our supply requests.</summary>
    public Gln BalanceResponsible { get; init; } = Gln.Parse("5790002000018");

    /// <summary>The price areas of <see cref="GridAreas"/>, each once, in order.</summary>
    public IReadOnlyList<PriceArea> PriceAreas => GridAreas.Select(a => a.PriceArea).Distinct().ToList();

    /// <summary>Grid area to price area, as the market intake's configuration wants it (<c>GridAreaPriceAreas</c>).</summary>
    public IReadOnlyDictionary<string, string> GridAreaPriceAreas =>
        GridAreas.ToDictionary(a => a.Code, a => a.PriceArea.ToString(), StringComparer.Ordinal);

    /// <exception cref="ArgumentException">A value out of range; the message names it.</exception>
    public void Check()
    {
        if (MeteringPoints is < 1 or > 9_999_999)
        {
            throw new ArgumentException($"MeteringPoints must be 1..9,999,999, got {MeteringPoints}.");
        }

        if (GridAreas.Count == 0)
        {
            throw new ArgumentException("At least one grid area is needed.");
        }

        foreach (var (name, share) in new[] { ("MissingShare", MissingShare), ("QuarterHourShare", QuarterHourShare), ("MidMonthStartShare", MidMonthStartShare) })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new ArgumentException($"{name} is a share from 0 to 1, got {share}.");
            }
        }

        if (SeriesPerDocument < 1 || RecordsPerDocument < 1)
        {
            throw new ArgumentException("SeriesPerDocument and RecordsPerDocument must be at least 1.");
        }
    }
}
