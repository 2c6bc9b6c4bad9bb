using System.Diagnostics.CodeAnalysis;

namespace BiO.Market.Measurements;

/// <summary>
/// The type of a metering point (<c>marketEvaluationPoint.type</c>): E17 consumption, E18 production, or one of
/// the child types D01..D99.
/// </summary>
public readonly record struct MeteringPointType
{
    private MeteringPointType(string code) => Code = code;

    public static MeteringPointType Consumption { get; } = new("E17");

    public static MeteringPointType Production { get; } = new("E18");

    public string Code { get; }

    public bool IsChild => Code is ['D', _, _];

    public static bool TryParse(string? code, out MeteringPointType type, [NotNullWhen(false)] out string? error)
    {
        type = default;
        if (code is "E17" or "E18" || (code is ['D', var tens, var units] && char.IsAsciiDigit(tens) &&
                                       char.IsAsciiDigit(units) && code != "D00"))
        {
            type = new MeteringPointType(code);
            error = null;
            return true;
        }

        error = $"Unknown metering point type '{code}'; expected E17, E18 or D01..D99.";
        return false;
    }

    /// <exception cref="FormatException">Not E17, E18 or D01..D99.</exception>
    public static MeteringPointType Parse(string? code) =>
        TryParse(code, out var type, out var error) ? type : throw new FormatException(error);

    public override string ToString() => Code ?? string.Empty;
}
