using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Demo;

/// <summary>
/// A charge of the demo price lists. A tariff (D03, PT1H) has a price per local clock hour, for summer (April to
/// September) and winter; a subscription (D01, P1M) a monthly price. DKK excl. VAT, at most 6 decimals.
/// </summary>
/// <param name="Owner">The charge owner (grid company or Energinet).</param>
/// <param name="Type">D03 tariff or D01 subscription.</param>
/// <param name="Code">The charge code (at most 10 characters).</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description.</param>
/// <param name="TransparentInvoicing">Shown on its own invoice line.</param>
/// <param name="TaxIndicator">A tax (elafgift).</param>
/// <param name="GridArea">The grid area whose points are linked to it; null for Energinet's charges (every point).</param>
/// <param name="SummerHourly">24 prices by local hour, April-September (tariffs).</param>
/// <param name="WinterHourly">24 prices by local hour, October-March (tariffs).</param>
/// <param name="MonthlyPrice">DKK per month (subscriptions).</param>
public sealed record DemoCharge(
    Gln Owner,
    ChargeType Type,
    string Code,
    string Name,
    string Description,
    bool TransparentInvoicing,
    bool TaxIndicator,
    string? GridArea,
    IReadOnlyList<decimal>? SummerHourly,
    IReadOnlyList<decimal>? WinterHourly,
    decimal? MonthlyPrice)
{
    public Resolution Resolution => Type == ChargeType.Tariff ? Resolution.Hour : Resolution.Month;

    /// <summary>The tariff's price of an hour starting at local clock <paramref name="localHour"/> in <paramref name="month"/> (1-12).</summary>
    public decimal HourPrice(int month, int localHour) =>
        (month is >= 4 and <= 9 ? SummerHourly : WinterHourly)?[localHour] ?? throw new InvalidOperationException($"{Code} is not a tariff.");
}

/// <summary>
/// The charges of a demo: per grid area the grid company's time-of-use tariff (Tarifmodel 3.0: 00-06 low, 06-17 high,
/// 17-21 peak, 21-24 high) and its subscription; Energinet's transmission and system tariffs and the electricity tax.
/// Demo values of a realistic 2026 size (DKK/kWh excl. VAT), not official prices: the elafgift is 0.008 DKK/kWh in
/// 2026-2027; Energinet's tariffs and the grid prices are placeholders to be replaced by the published ones.
/// </summary>
public static class DemoCharges
{
    /// <summary>Energinet's GLN as charge owner.</summary>
    public static Gln Energinet { get; } = Gln.Parse("5790000432752");

    public const decimal TransmissionTariff = 0.043m;
    public const decimal SystemTariff = 0.072m;
    public const decimal ElectricityTax = 0.008m;

    /// <summary>Every charge of the demo: per grid area its tariff and subscription, then Energinet's three tariffs.</summary>
    public static IReadOnlyList<DemoCharge> Of(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var charges = new List<DemoCharge>();
        for (var i = 0; i < options.GridAreas.Count; i++)
        {
            var area = options.GridAreas[i];
            var scale = 1m + (0.15m * (i % 3));
            decimal P(decimal price) => decimal.Round(price * scale, 4, MidpointRounding.AwayFromZero);
            charges.Add(new DemoCharge(area.GridOperator, ChargeType.Tariff, $"C-TOU-{area.Code}", $"Nettarif C time ({area.GridOperatorName})",
                "Grid tariff for households, hourly, Tarifmodel 3.0", false, false, area.Code,
                TimeOfUse(P(0.1083m), P(0.1625m), P(0.4225m)), TimeOfUse(P(0.1083m), P(0.3250m), P(0.9751m)), null));
            charges.Add(new DemoCharge(area.GridOperator, ChargeType.Subscription, $"ABON-{area.Code}", $"Netabonnement ({area.GridOperatorName})",
                "Grid subscription for households", false, false, area.Code, null, null, P(32.50m)));
        }

        charges.Add(Flat("40000", "Transmissions nettarif", "Energinet's transmission grid tariff", TransmissionTariff, false));
        charges.Add(Flat("41000", "Systemtarif", "Energinet's system tariff", SystemTariff, false));
        charges.Add(Flat("EA-001", "Elafgift", "Electricity tax", ElectricityTax, true));
        return charges;
    }

    /// <summary>The charges linked to a point of <paramref name="gridArea"/>.</summary>
    public static IEnumerable<DemoCharge> For(IReadOnlyList<DemoCharge> charges, string gridArea) =>
        charges.Where(c => c.GridArea is null || c.GridArea == gridArea);

    /// <summary>The first local midnight of the month's year: from when the charges and their prices apply.</summary>
    public static Instant EffectiveDate(YearMonth month) => BillingTime.Zone.AtStartOfDay(new LocalDate(month.Year, 1, 1)).ToInstant();

    private static DemoCharge Flat(string code, string name, string description, decimal price, bool tax)
    {
        var hourly = Enumerable.Repeat(price, 24).ToArray();
        return new DemoCharge(Energinet, ChargeType.Tariff, code, name, description, true, tax, null, hourly, hourly, null);
    }

    private static decimal[] TimeOfUse(decimal low, decimal high, decimal peak) =>
        Enumerable.Range(0, 24).Select(h => h switch
        {
            < 6 => low,
            >= 17 and < 21 => peak,
            _ => high,
        }).ToArray();
}
