using BiO.Domain.Prices;
using NodaTime;

namespace BiO.Domain.Reconciliation;

/// <summary>
/// What BiO invoiced for one charge in one grid area and billing period: every invoice line of that period and every
/// correction line correcting it, summed.
/// </summary>
/// <param name="Charge">The charge (owner, code, type).</param>
/// <param name="GridArea">The metering points' grid area.</param>
/// <param name="Period">The billing period the lines are of or correct: local days, both ends included.</param>
/// <param name="Amount">The sum of the lines' amounts (each rounded to øre), DKK excluding VAT.</param>
/// <param name="Quantity">The sum of the lines' quantities.</param>
/// <param name="MeteringPoints">How many distinct metering points the lines are of.</param>
public sealed record InvoicedChargeTotal(ChargeKey Charge, string GridArea, DateInterval Period, decimal Amount, decimal Quantity, int MeteringPoints);
