using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Demo;

/// <summary>A street address of a demo metering point.</summary>
public sealed record DemoAddress(string Street, string Number, string PostalCode, string City);

/// <summary>
/// One generated consumption metering point (E17) and what shapes its meter data; a pure function of the options and
/// its index (<see cref="DemoPoints.At"/>).
/// </summary>
/// <param name="Index">0-based number of the point in the demo.</param>
/// <param name="Gsrn">Its GSRN (Danish, right check digit; the index can be read back from it).</param>
/// <param name="GridArea">Its grid area.</param>
/// <param name="Resolution">PT15M or PT1H meter data.</param>
/// <param name="SettlementMethod">D01 flex or E02 non-profiled.</param>
/// <param name="SupplyStart">The local day our supply starts (before the month, or within it for a few).</param>
/// <param name="AnnualKwh">The yearly consumption the profile is scaled to.</param>
/// <param name="ElectricCar">Charges a car at night.</param>
/// <param name="HeatPump">Heats with a heat pump (much more in winter).</param>
/// <param name="HasGaps">One of the share whose meter data has gaps in the delivered documents.</param>
/// <param name="Address">The installation address.</param>
public sealed record DemoMeteringPoint(
    int Index,
    Gsrn Gsrn,
    DemoGridArea GridArea,
    Resolution Resolution,
    string SettlementMethod,
    LocalDate SupplyStart,
    int AnnualKwh,
    bool ElectricCar,
    bool HeatPump,
    bool HasGaps,
    DemoAddress Address)
{
    /// <summary>The UTC instant our supply starts (local midnight).</summary>
    public Instant SupplyStartInstant => BillingTime.Zone.AtStartOfDay(SupplyStart).ToInstant();
}

/// <summary>Draws the metering points of a demo, each from the seed and its index alone.</summary>
public static class DemoPoints
{
    private static readonly string[][] Streets =
    [
        ["Vestergade", "Søndergade", "Nørregade", "Banegårdsgade", "Skovvej", "Engvej", "Kirkevej", "Havnegade", "Møllevej", "Strandvejen"],
        ["Amagerbrogade", "Frederiksberg Allé", "Jagtvej", "Roskildevej", "Algade", "Slotsgade", "Bøgevej", "Lindevej", "Ahornvej", "Kongevejen"],
    ];

    private static readonly (string PostalCode, string City)[][] Towns =
    [
        [("8000", "Aarhus C"), ("5000", "Odense C"), ("9000", "Aalborg"), ("6700", "Esbjerg"), ("7100", "Vejle"), ("8900", "Randers C")],
        [("2100", "København Ø"), ("2300", "København S"), ("4000", "Roskilde"), ("3400", "Hillerød"), ("4700", "Næstved"), ("2800", "Kongens Lyngby")],
    ];

    /// <summary>The point with 0-based <paramref name="index"/>.</summary>
    public static DemoMeteringPoint At(DemoOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new DemoRandom(options.Seed, 1, index);
        var area = random.Pick(options.GridAreas);
        var quarterHour = random.Chance(options.QuarterHourShare);
        var settlement = random.Chance(0.85) ? "D01" : "E02";
        var monthStart = options.Month.OnDayOfMonth(1);
        var days = options.Month.Calendar.GetDaysInMonth(options.Month.Year, options.Month.Month);
        var supplyStart = random.Chance(options.MidMonthStartShare) && days > 4
            ? monthStart.PlusDays(random.Next(1, days - 3))
            : monthStart.PlusDays(-random.Next(1, 4 * 365));
        var heatPump = random.Chance(0.12);
        var car = random.Chance(0.15);
        var annual = (int)(1_500 + (random.NextDouble() * random.NextDouble() * 5_500)) + (heatPump ? 3_500 : 0) + (car ? 2_200 : 0);
        var hasGaps = random.Chance(options.MissingShare);
        var east = area.PriceArea == Domain.Prices.PriceArea.DK2 ? 1 : 0;
        var town = random.Pick(Towns[east]);
        var address = new DemoAddress(random.Pick(Streets[east]), random.Next(1, 140).ToString(System.Globalization.CultureInfo.InvariantCulture), town.PostalCode, town.City);
        return new DemoMeteringPoint(index, GsrnOf(options.Seed, index), area, quarterHour ? Resolution.QuarterHour : Resolution.Hour,
            settlement, supplyStart, annual, car, heatPump, hasGaps, address);
    }

    /// <summary>
    /// The GSRN of point <paramref name="index"/>: 57131, two digits of the seed, the index + 1 in 10 digits, and the
    /// GS1 check digit.
    /// </summary>
    public static Gsrn GsrnOf(int seed, int index)
    {
        var body = $"57131{Math.Abs(seed % 100):D2}{index + 1:D10}";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * (i % 2 == 0 ? 3 : 1);
        }

        return Gsrn.Parse(body + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The index of a demo GSRN of this seed, or null when it is not one of the <paramref name="count"/> points.</summary>
    public static int? IndexOf(int seed, Gsrn gsrn, int count)
    {
        var text = gsrn.Value;
        if (!text.StartsWith($"57131{Math.Abs(seed % 100):D2}", StringComparison.Ordinal) ||
            !long.TryParse(text.AsSpan(7, 10), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ||
            number < 1 || number > count)
        {
            return null;
        }

        var index = (int)(number - 1);
        return GsrnOf(seed, index) == gsrn ? index : null;
    }
}
