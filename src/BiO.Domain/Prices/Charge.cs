using BiO.Domain.Time;

namespace BiO.Domain.Prices;

/// <summary>DataHub charge types ("gebyr", "abonnement", "tarif").</summary>
public enum ChargeType
{
    /// <summary>D01 subscription, DKK per month, rated per day.</summary>
    Subscription = 1,

    /// <summary>D02 fee, DKK per event, on the day of the event.</summary>
    Fee = 2,

    /// <summary>D03 tariff, DKK per kWh, 1, 24 or 96 prices a day.</summary>
    Tariff = 3,
}

/// <summary>The identity of a charge: owner GLN, charge code (mRID, max 10 chars) and type.</summary>
public sealed record ChargeKey
{
    /// <exception cref="ArgumentException">An empty owner, or a code that is empty or longer than 10 characters.</exception>
    public ChargeKey(string ownerGln, string code, ChargeType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerGln);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 10)
        {
            throw new ArgumentException($"A charge code has 1 to 10 characters, got '{code}'.", nameof(code));
        }

        OwnerGln = ownerGln;
        Code = code;
        Type = type;
    }

    public string OwnerGln { get; }

    public string Code { get; }

    public ChargeType Type { get; }

    public override string ToString() => $"{Type}:{OwnerGln}:{Code}";
}

/// <summary>A charge's master data (NotifyPriceList D18): the resolution of its prices and the tax indicator.</summary>
public sealed record Charge
{
    /// <exception cref="ArgumentException">A resolution that does not fit the type (tariffs PT15M/PT1H/P1D; subscriptions and fees P1M).</exception>
    public Charge(ChargeKey key, Resolution resolution, bool isTax, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(resolution);
        var fits = key.Type == ChargeType.Tariff ? resolution != Resolution.Month : resolution == Resolution.Month;
        if (!fits)
        {
            throw new ArgumentException($"A {key.Type} cannot have resolution {resolution}.", nameof(resolution));
        }

        Key = key;
        Resolution = resolution;
        IsTax = isTax;
        Name = name ?? key.Code;
    }

    public ChargeKey Key { get; }

    public Resolution Resolution { get; }

    /// <summary>True for taxes such as electricity tax ("elafgift").</summary>
    public bool IsTax { get; }

    public string Name { get; }
}

/// <summary>DataHub's charge type codes.</summary>
public static class ChargeTypes
{
    /// <summary>D01 subscription, D02 fee, D03 tariff.</summary>
    /// <exception cref="ArgumentException">Another code; the message names it.</exception>
    public static ChargeType FromCode(string? code) =>
        TryFromCode(code, out var type) ? type : throw new ArgumentException($"Charge type '{code}' is not D01 (subscription), D02 (fee) or D03 (tariff).", nameof(code));

    /// <summary>D01 subscription, D02 fee, D03 tariff; false for any other code.</summary>
    public static bool TryFromCode(string? code, out ChargeType type)
    {
        ChargeType? known = code switch
        {
            "D01" => ChargeType.Subscription,
            "D02" => ChargeType.Fee,
            "D03" => ChargeType.Tariff,
            _ => null,
        };
        type = known ?? default;
        return known is not null;
    }

    /// <summary>The DataHub code of a charge type.</summary>
    public static string Code(this ChargeType type) => type switch
    {
        ChargeType.Subscription => "D01",
        ChargeType.Fee => "D02",
        ChargeType.Tariff => "D03",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown charge type."),
    };
}
