using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BiO.Domain.Invoicing;

/// <summary>
/// An invoice number ("fakturanummer"): a series and a positive number in it, written "SERIES-000123" with at least six
/// digits, e.g. series "BIO-2026" and number 123 give "BIO-2026-000123". The number is unique within its series;
/// handing out numbers without gaps is the issuer's job, not this type's.
/// </summary>
public readonly record struct InvoiceNumber
{
    /// <summary>The longest series accepted.</summary>
    public const int MaxSeriesLength = 20;

    /// <summary>Digits a number is padded to.</summary>
    public const int MinDigits = 6;

    /// <exception cref="ArgumentException">The series is not a valid series name (see <see cref="IsValidSeries"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is not positive.</exception>
    public InvoiceNumber(string series, long number)
    {
        if (!IsValidSeries(series, out var error))
        {
            throw new ArgumentException(error, nameof(series));
        }

        if (number <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"An invoice number in series {series} is positive.");
        }

        Series = series;
        Number = number;
    }

    /// <summary>The series ("nummerserie"), e.g. "BIO-2026".</summary>
    public string Series { get; }

    /// <summary>The number within the series, 1 or more.</summary>
    public long Number { get; }

    /// <summary>The next number of the same series.</summary>
    public InvoiceNumber Next() => new(Series, Number + 1);

    /// <summary>
    /// Whether <paramref name="series"/> names a series: 1 to 20 characters of upper-case letters A-Z, digits and
    /// single hyphens, starting with a letter and not ending with a hyphen; on failure <paramref name="error"/> says why.
    /// </summary>
    public static bool IsValidSeries([NotNullWhen(true)] string? series, [NotNullWhen(false)] out string? error)
    {
        error = series switch
        {
            null or "" => "An invoice series is required, got nothing.",
            { Length: > MaxSeriesLength } => $"An invoice series has at most {MaxSeriesLength} characters, got '{series}' ({series.Length}).",
            _ when !char.IsAsciiLetterUpper(series[0]) => $"An invoice series starts with an upper-case letter A-Z, got '{series}'.",
            _ when series.Any(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '-') =>
                $"An invoice series holds only A-Z, 0-9 and '-', got '{series}'.",
            _ when series.EndsWith('-') || series.Contains("--", StringComparison.Ordinal) =>
                $"An invoice series has single hyphens between letters or digits, got '{series}'.",
            _ => null,
        };
        return error is null;
    }

    /// <summary>Reads "SERIES-000123": the series, a hyphen and at least six digits (no extra leading zeros).</summary>
    /// <exception cref="FormatException">The text is not an invoice number; the message says what was found.</exception>
    public static InvoiceNumber Parse(string? text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>Reads "SERIES-000123"; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out InvoiceNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        var dash = text?.LastIndexOf('-') ?? -1;
        if (text is null || dash <= 0)
        {
            error = $"An invoice number is SERIES-NNNNNN, e.g. BIO-2026-000123, got '{text}'.";
            return false;
        }

        var series = text[..dash];
        var digits = text[(dash + 1)..];
        if (!IsValidSeries(series, out error))
        {
            error = $"Invoice number '{text}': {error}";
            return false;
        }

        if (digits.Length < MinDigits || digits.Length > 18 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0
            || Format(value) != digits)
        {
            error = $"Invoice number '{text}': the number after the series is a positive number of at least {MinDigits} digits without extra leading zeros, got '{digits}'.";
            return false;
        }

        number = new InvoiceNumber(series, value);
        return true;
    }

    /// <summary>"SERIES-000123".</summary>
    public override string ToString() => Series is null ? string.Empty : $"{Series}-{Format(Number)}";

    private static string Format(long value) => value.ToString("D" + MinDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
