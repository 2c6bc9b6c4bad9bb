using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;

namespace BiO.Market.Cim;

/// <summary>Codes and numbers of the meter data documents, each with the error text a reader reports.</summary>
internal static class CimValues
{
    public const int QuantityDecimals = 3;

    public static bool TryResolution(string? code, [NotNullWhen(true)] out Resolution? resolution, [NotNullWhen(false)] out string? error)
    {
        resolution = code switch
        {
            "PT15M" => Resolution.QuarterHour,
            "PT1H" => Resolution.Hour,
            "P1M" => Resolution.Month,
            _ => null,
        };
        error = resolution is null ? $"Unknown resolution '{code}'; expected PT15M, PT1H or P1M." : null;
        return resolution is not null;
    }

    public static bool TryQuality(string? code, out Quality quality, [NotNullWhen(false)] out string? error)
    {
        Quality? known = code switch
        {
            "A01" => Quality.Adjusted,
            "A02" => Quality.NotAvailable,
            "A03" => Quality.Estimated,
            "A04" => Quality.Measured,
            "A05" => Quality.Incomplete,
            "A06" => Quality.Calculated,
            _ => null,
        };
        quality = known ?? default;
        error = known is null ? $"Unknown quality '{code}'; expected A01, A02, A03, A04, A05 or A06." : null;
        return known is not null;
    }

    /// <summary>A quantity has at most 3 decimals (kWh to the Wh).</summary>
    public static bool TryQuantity(decimal value, [NotNullWhen(false)] out string? error)
    {
        error = decimal.Round(value, QuantityDecimals, MidpointRounding.AwayFromZero) == value
            ? null
            : $"Quantity {value.ToString(CultureInfo.InvariantCulture)} has more than {QuantityDecimals} decimals.";
        return error is null;
    }

    /// <summary>A quantity from text: an optional minus sign, digits and an optional decimal point, at most 3 decimals.</summary>
    public static bool TryQuantity(string text, out decimal value, [NotNullWhen(false)] out string? error)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint |
                                    NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out value))
        {
            error = $"Quantity '{text}' is not a number.";
            return false;
        }

        return TryQuantity(value, out error);
    }

    public static bool TryPosition(string text, out int position, [NotNullWhen(false)] out string? error)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out position))
        {
            error = null;
            return true;
        }

        error = $"Position '{text}' is not a whole number.";
        return false;
    }
}
