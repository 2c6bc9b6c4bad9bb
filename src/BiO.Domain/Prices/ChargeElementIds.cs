using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace BiO.Domain.Prices;

/// <summary>
/// The price element id of a linked charge, <c>{ChargeType}:{OwnerGln}:{Code}:{linkFromTicks}</c> (e.g.
/// <c>Tariff:5790000432752:40000:17672616000000000</c>): the charge's key and the start of its link in Unix ticks.
/// Invoice lines carry it; reconciliation reads the charge back from it.
/// </summary>
public static class ChargeElementIds
{
    /// <summary>The element id of <paramref name="charge"/> linked from <paramref name="linkFrom"/>.</summary>
    public static string Of(ChargeKey charge, Instant linkFrom) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrefixOf(charge)}{linkFrom.ToUnixTimeTicks()}");

    /// <summary>What the element ids of <paramref name="charge"/> start with, whatever its links: <c>{ChargeType}:{OwnerGln}:{Code}:</c>.</summary>
    public static string PrefixOf(ChargeKey charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return $"{charge}:";
    }

    /// <summary>
    /// The charge of an element id; false for the id of any other element (spot, a product, a supplier's price
    /// list) or a malformed one. A code may itself hold ':' (the owner is the second part, the ticks the last).
    /// </summary>
    public static bool TryParse(string? elementId, [NotNullWhen(true)] out ChargeKey? charge)
    {
        charge = null;
        var parts = elementId?.Split(':');
        if (parts is null || parts.Length < 4)
        {
            return false;
        }

        ChargeType? type = parts[0] switch
        {
            nameof(ChargeType.Subscription) => ChargeType.Subscription,
            nameof(ChargeType.Fee) => ChargeType.Fee,
            nameof(ChargeType.Tariff) => ChargeType.Tariff,
            _ => null,
        };
        var owner = parts[1];
        var code = string.Join(':', parts[2..^1]);
        if (type is null
            || owner.Length == 0 || !owner.All(char.IsAsciiDigit)
            || code.Length is 0 or > 10 || string.IsNullOrWhiteSpace(code)
            || !long.TryParse(parts[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        charge = new ChargeKey(owner, code, type.Value);
        return true;
    }
}
