using BiO.Grains.Accounts;
using NodaTime;

namespace BiO.Hosting.Demo;

/// <summary>
/// The supplier's side of the demo's products: a price list per electricity product of the generator (spot plus a
/// markup per kWh and a monthly subscription, DKK excl. VAT, of a realistic 2026 size) and the kind of each non-metered
/// product code.
/// </summary>
public static class DemoProducts
{
    /// <summary>The invoice series of the demo's accounts for a year, e.g. DEMO-2026.</summary>
    public static string InvoiceSeries(YearMonth month) => $"DEMO-{month.Year:D4}";

    /// <summary>
    /// The price lists of EL-SPOT (plain spot: 4 øre/kWh, 23.20 DKK a month), EL-GROEN (green certificates: 8 øre/kWh,
    /// 31.20 DKK) and EL-FAST12 (a markup fixed for 12 months: 6 øre/kWh, 12 øre/kWh in winter evenings 17-21, 39.20
    /// DKK), each with one version effective five years before <paramref name="month"/>.
    /// </summary>
    public static IReadOnlyList<PriceListDefinition> PriceLists(YearMonth month)
    {
        var from = month.OnDayOfMonth(1).PlusYears(-5);
        int[] winter = [1, 2, 3, 10, 11, 12];
        PriceListDefinition List(string code, decimal markup, decimal subscription, params TimeOfUseDefinition[] windows) =>
            new($"demo-pricelist-{code}-{from:uuuuMMdd}", code, [new PriceListVersionDefinition(from, markup, subscription, windows)]);
        return
        [
            List("EL-SPOT", 0.040000m, 23.20m),
            List("EL-GROEN", 0.080000m, 31.20m),
            List("EL-FAST12", 0.060000m, 39.20m, new TimeOfUseDefinition("Vinter spidslast", winter, new LocalTime(17, 0), new LocalTime(21, 0), 0.120000m)),
        ];
    }

    /// <summary>The contract kind of a non-metered product code of the generator.</summary>
    /// <exception cref="ArgumentException">A code the demo does not know.</exception>
    public static string KindOf(string productCode) => productCode switch
    {
        "BB-500" => "Broadband",
        "TV-MELLEM" => "Tv",
        "MOB-FRI20" => "Telephony",
        _ => throw new ArgumentException($"The demo does not know product {productCode}: add it to {nameof(DemoProducts)}.{nameof(KindOf)}.", nameof(productCode)),
    };
}
