namespace BiO.Market.Charges;

/// <summary>
/// One price of a charge's price series (<c>Point</c>).
/// </summary>
/// <param name="Position">1-based position in the series period.</param>
/// <param name="Amount">DKK per unit (kWh for a tariff, month for a subscription, event for a fee), at most 6 decimals.</param>
public readonly record struct ChargePrice(int Position, decimal Amount);
