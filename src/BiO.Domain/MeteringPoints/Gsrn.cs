using System.Diagnostics.CodeAnalysis;

namespace BiO.Domain.MeteringPoints;

/// <summary>
/// A metering point id (GSRN, "målepunkts-id"): exactly 18 decimal digits, e.g. 571313000000002000.
/// </summary>
public readonly record struct Gsrn
{
    private Gsrn(string value) => Value = value;

    /// <summary>The 18 digits.</summary>
    public string Value { get; }

    /// <summary>Reads a GSRN.</summary>
    /// <exception cref="FormatException">The text is not 18 digits; the message says what was found.</exception>
    public static Gsrn Parse(string? text) =>
        TryParse(text, out var gsrn, out var error) ? gsrn : throw new FormatException(error);

    /// <summary>Reads a GSRN; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out Gsrn gsrn, [NotNullWhen(false)] out string? error)
    {
        gsrn = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "A GSRN is required (18 digits), got nothing.";
            return false;
        }

        if (text.Length != 18 || !text.All(char.IsAsciiDigit))
        {
            error = $"A GSRN has exactly 18 digits, got '{text}' ({text.Length} characters).";
            return false;
        }

        gsrn = new Gsrn(text);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
