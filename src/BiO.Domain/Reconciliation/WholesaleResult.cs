using BiO.Domain.Prices;
using NodaTime;

namespace BiO.Domain.Reconciliation;

/// <summary>
/// DataHub's wholesale settlement of one charge in one grid area and billing period, from one settlement version
/// (an RSM-019 series): the summed amount (DKK, unrounded 6-decimal amounts as DataHub sums them) and quantity.
/// </summary>
/// <param name="Charge">The charge (owner, code, type).</param>
/// <param name="GridArea">The metering grid area, e.g. "344".</param>
/// <param name="Period">The billing period: local days, both ends included.</param>
/// <param name="Version">The settlement it comes from.</param>
/// <param name="Amount">The sum of the series' amounts, DKK excluding VAT.</param>
/// <param name="Quantity">The sum of the series' quantities (kWh for tariffs, subscription-days or fees otherwise).</param>
public sealed record WholesaleResult(ChargeKey Charge, string GridArea, DateInterval Period, SettlementVersion Version, decimal Amount, decimal Quantity);
