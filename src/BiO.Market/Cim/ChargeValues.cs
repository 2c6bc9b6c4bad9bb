using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Charges;

namespace BiO.Market.Cim;

/// <summary>Codes and numbers of the charge documents (D12, D07), each with the error text a reader reports.</summary>
internal static class ChargeValues
{
    public const int PriceDecimals = 6;

    public static bool TryChargeType(string? code, out ChargeType type, [NotNullWhen(false)] out string? error)
    {
        var known = ChargeTypes.TryFromCode(code, out type);
        error = known ? null : $"Unknown charge type '{code}'; expected D01 (subscription), D02 (fee) or D03 (tariff).";
        return known;
    }

    public static bool TryResolution(string? code, [NotNullWhen(true)] out Resolution? resolution, [NotNullWhen(false)] out string? error)
    {
        resolution = code switch
        {
            "PT15M" => Resolution.QuarterHour,
            "PT1H" => Resolution.Hour,
            "P1D" => Resolution.Day,
            "P1M" => Resolution.Month,
            _ => null,
        };
        error = resolution is null ? $"Unknown resolution '{code}'; expected PT15M, PT1H, P1D or P1M." : null;
        return resolution is not null;
    }

    public static bool TryVat(string? code, out VatClassification vat, [NotNullWhen(false)] out string? error)
    {
        VatClassification? known = code switch
        {
            "D01" => VatClassification.Vat,
            "D02" => VatClassification.NoVat,
            _ => null,
        };
        vat = known ?? default;
        error = known is null ? $"Unknown VAT classification '{code}'; expected D01 (VAT) or D02 (no VAT)." : null;
        return known is not null;
    }

    public static bool TryBoolean(string? text, out bool value, [NotNullWhen(false)] out string? error)
    {
        (value, error) = text switch
        {
            "true" => (true, null),
            "false" => (false, null),
            _ => (false, $"'{text}' is not true or false."),
        };
        return error is null;
    }

    /// <summary>A price: an optional minus sign, digits and an optional decimal point, at most 6 decimals.</summary>
    public static bool TryPrice(string text, out decimal value, [NotNullWhen(false)] out string? error)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"Price '{text}' is not a number.";
            return false;
        }

        error = decimal.Round(value, PriceDecimals, MidpointRounding.AwayFromZero) == value
            ? null
            : $"Price {text} has more than {PriceDecimals} decimals.";
        return error is null;
    }

    /// <summary>A positive whole number (a position, a factor).</summary>
    public static bool TryWhole(string text, string what, out int value, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = null;
            return true;
        }

        error = $"{what} '{text}' is not a whole number.";
        return false;
    }
}
