using BiO.Domain.Money;

namespace BiO.Domain.Accounts;

/// <summary>What a contract sells. Electricity is metered (a GSRN); the others are priced without meter data.</summary>
public enum ProductKind
{
    /// <summary>Electricity on a metering point: rated from meter data, the supplier price list and DataHub charges.</summary>
    Electricity = 1,

    Telephony = 2,

    Broadband = 3,

    Tv = 4,

    /// <summary>Consultancy hours: quantity (hours) x price.</summary>
    Consultancy = 5,
}

/// <summary>The price of a non-metered product: a fixed monthly fee or a quantity times a unit price.</summary>
public abstract record NonMeteredPrice
{
    private protected NonMeteredPrice()
    {
    }
}

/// <summary>
/// A fixed fee per calendar month (e.g. broadband 299 DKK/month), prorated like a subscription: round(monthly / days in
/// the month, 6) per covered day.
/// </summary>
public sealed record FixedMonthlyFee(UnitPrice Monthly) : NonMeteredPrice;

/// <summary>A price per unit (e.g. 950 DKK per consultancy hour); the quantity comes with the bill (e.g. a timesheet).</summary>
public sealed record PricePerUnit : NonMeteredPrice
{
    /// <exception cref="ArgumentException">The unit is blank.</exception>
    public PricePerUnit(UnitPrice price, string unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            throw new ArgumentException($"A price per unit ({price}) names its unit, e.g. 'hour', got nothing.", nameof(unit));
        }

        Price = price;
        Unit = unit;
    }

    public UnitPrice Price { get; }

    public string Unit { get; }
}
