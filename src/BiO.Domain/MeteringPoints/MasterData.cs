using NodaTime;

namespace BiO.Domain.MeteringPoints;

/// <summary>How a metering point is settled (CIM settlementMethod, "afregningsform").</summary>
public enum SettlementMethod
{
    /// <summary>E01 profiled.</summary>
    Profiled,

    /// <summary>E02 non-profiled (hourly / quarter-hourly).</summary>
    NonProfiled,

    /// <summary>D01 flex.</summary>
    Flex,
}

/// <summary>
/// Master data of a metering point from DataHub (AccountingPointCharacteristics, E07), valid from an instant
/// ("stamdata"). Codes are kept as DataHub sends them; the checks say what is wrong and where.
/// </summary>
public sealed record MasterData
{
    /// <exception cref="ArgumentException">A code is malformed; the message names the field and the value.</exception>
    public MasterData(
        Gsrn gsrn, string type, SettlementMethod? settlementMethod, string gridArea, string priceArea,
        Instant validFrom, Gsrn? parent = null)
    {
        if (!MeteringPointTypes.IsKnown(type))
        {
            throw new ArgumentException($"Metering point {gsrn}: type '{type}' is not E17, E18, E20 or D01..D99.", nameof(type));
        }

        if (gridArea is not { Length: 3 } || !gridArea.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Metering point {gsrn}: grid area '{gridArea}' is not 3 digits.", nameof(gridArea));
        }

        if (priceArea is not ("DK1" or "DK2"))
        {
            throw new ArgumentException($"Metering point {gsrn}: price area '{priceArea}' is not DK1 or DK2.", nameof(priceArea));
        }

        if (parent == gsrn)
        {
            throw new ArgumentException($"Metering point {gsrn} cannot be its own parent.", nameof(parent));
        }

        Gsrn = gsrn;
        Type = type;
        SettlementMethod = settlementMethod;
        GridArea = gridArea;
        PriceArea = priceArea;
        ValidFrom = validFrom;
        Parent = parent;
    }

    public Gsrn Gsrn { get; }

    /// <summary>E17 consumption, E18 production, E20 exchange, D01..D99 child types.</summary>
    public string Type { get; }

    public SettlementMethod? SettlementMethod { get; }

    /// <summary>The grid area code, 3 digits ("netområde").</summary>
    public string GridArea { get; }

    /// <summary>DK1 (west) or DK2 (east).</summary>
    public string PriceArea { get; }

    public Instant ValidFrom { get; }

    /// <summary>The parent metering point of a child (D-type) point.</summary>
    public Gsrn? Parent { get; }

    public bool IsConsumption => Type == "E17";

    public bool IsChild => Type[0] == 'D';
}

/// <summary>Master data versions of one metering point, each valid from its instant until the next one.</summary>
public sealed record MasterDataHistory
{
    public static MasterDataHistory Empty { get; } = new([]);

    private MasterDataHistory(IReadOnlyList<MasterData> versions) => Versions = versions;

    /// <summary>Versions ordered by <see cref="MasterData.ValidFrom"/>.</summary>
    public IReadOnlyList<MasterData> Versions { get; }

    /// <summary>Adds or replaces (same valid-from) a version.</summary>
    /// <exception cref="ArgumentException">It belongs to another metering point.</exception>
    public MasterDataHistory With(MasterData version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Versions.Count > 0 && Versions[0].Gsrn != version.Gsrn)
        {
            throw new ArgumentException($"Master data of {version.Gsrn} cannot join the history of {Versions[0].Gsrn}.", nameof(version));
        }

        return new MasterDataHistory(Versions.Where(v => v.ValidFrom != version.ValidFrom).Append(version).OrderBy(v => v.ValidFrom).ToArray());
    }

    /// <summary>The version valid at <paramref name="instant"/>, or null when none was valid yet.</summary>
    public MasterData? At(Instant instant) => Versions.LastOrDefault(v => v.ValidFrom <= instant);
}

/// <summary>DataHub's settlement method codes.</summary>
public static class SettlementMethods
{
    /// <summary>E01 profiled, E02 non-profiled, D01 flex; null stays null.</summary>
    /// <exception cref="ArgumentException">Another code; the message names it.</exception>
    public static SettlementMethod? FromCode(string? code) =>
        code is null ? null
        : TryFromCode(code, out var method) ? method
        : throw new ArgumentException($"Settlement method '{code}' is not E01, E02 or D01.", nameof(code));

    /// <summary>E01 profiled, E02 non-profiled, D01 flex; false for any other code.</summary>
    public static bool TryFromCode(string? code, out SettlementMethod method)
    {
        SettlementMethod? known = code switch
        {
            "E01" => SettlementMethod.Profiled,
            "E02" => SettlementMethod.NonProfiled,
            "D01" => SettlementMethod.Flex,
            _ => null,
        };
        method = known ?? default;
        return known is not null;
    }
}

/// <summary>DataHub's metering point type codes.</summary>
public static class MeteringPointTypes
{
    /// <summary>E17 consumption, E18 production, E20 exchange, D01..D99 child types.</summary>
    public static bool IsKnown(string? code) =>
        code is "E17" or "E18" or "E20"
        || (code is ['D', var tens, var units] && char.IsAsciiDigit(tens) && char.IsAsciiDigit(units) && code != "D00");
}
