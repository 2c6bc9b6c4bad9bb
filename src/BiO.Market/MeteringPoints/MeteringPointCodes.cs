using BiO.Domain.MeteringPoints;

namespace BiO.Market.MeteringPoints;

/// <summary>The codes of metering point master data BiO knows, shared by the validator and the mapping.</summary>
internal static class MeteringPointCodes
{
    /// <summary>E17, E18, E20 or D01..D99 (the types <see cref="MasterData"/> takes).</summary>
    public static bool IsType(string code) => MeteringPointTypes.IsKnown(code);

    public static bool IsGridArea(string code) => code is { Length: 3 } && code.All(char.IsAsciiDigit);

    /// <summary>E01 profiled, E02 non-profiled, D01 flex; null for any other code.</summary>
    public static SettlementMethod? Settlement(string code) => SettlementMethods.TryFromCode(code, out var method) ? method : null;
}
