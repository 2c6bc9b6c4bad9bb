using BiO.Domain.TimeSeries;

namespace BiO.Market.Wholesale;

/// <summary>One point of an RSM-019 series.</summary>
/// <param name="Position">The 1-based <c>position</c> in the series' interval at its resolution.</param>
/// <param name="Quantity">The <c>energy_Quantity.quantity</c> (kWh, or a count of subscriptions or fees), at most 3 decimals; null when absent.</param>
/// <param name="Price">The <c>price.amount</c>, DKK per unit with at most 6 decimals; null when absent.</param>
/// <param name="Amount">The <c>energySum_Quantity.quantity</c>: the amount in DKK with at most 6 decimals; null when absent.</param>
/// <param name="Quality">The <c>quality</c> of the point, when given.</param>
public sealed record WholesalePoint(int Position, decimal? Quantity, decimal? Price, decimal? Amount, Quality? Quality);
