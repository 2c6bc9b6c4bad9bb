using System.Diagnostics.CodeAnalysis;

namespace BiO.Market.Documents;

/// <summary>A market participant's id (GLN, codingScheme A10): exactly 13 decimal digits, e.g. 5790001330552.</summary>
public readonly record struct Gln
{
    private Gln(string value) => Value = value;

    /// <summary>DataHub, the receiver of a supplier's requests (role DGL).</summary>
    public static Gln DataHub { get; } = new("5790001330552");

    public string Value { get; }

    /// <exception cref="FormatException">The text is not 13 digits; the message says what was found.</exception>
    public static Gln Parse(string? text) =>
        TryParse(text, out var gln, out var error) ? gln : throw new FormatException(error);

    public static bool TryParse(string? text, out Gln gln, [NotNullWhen(false)] out string? error)
    {
        gln = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "A GLN is required (13 digits), got nothing.";
            return false;
        }

        if (text.Length != 13 || !text.All(char.IsAsciiDigit))
        {
            error = $"A GLN has exactly 13 digits, got '{text}' ({text.Length} characters).";
            return false;
        }

        gln = new Gln(text);
        error = null;
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
