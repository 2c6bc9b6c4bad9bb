using BiO.Domain.MeteringPoints;

namespace BiO.Market.MeteringPoints;

/// <summary>The codes of metering point master data BiO knows, shared by the validator and the mapping.</summary>
internal static class MeteringPointCodes
{
    /// <summary>E17, E18, E20 or D01..D99 (the types <see cref="MasterData"/> takes).</summary>
    public static bool IsType(string code) =>
        code is "E17" or "E18" or "E20" || (code is ['D', var tens, var units] && char.IsAsciiDigit(tens) && char.IsAsciiDigit(units) && code != "D00");

    public static bool IsGridArea(string code) => code is { Length: 3 } && code.All(char.IsAsciiDigit);

    /// <summary>E01 profiled, E02 non-profiled, D01 flex; null for any other code.</summary>
    public static SettlementMethod? Settlement(string code) => code switch
    {
        "E01" => SettlementMethod.Profiled,
        "E02" => SettlementMethod.NonProfiled,
        "D01" => SettlementMethod.Flex,
        _ => null,
    };
}
