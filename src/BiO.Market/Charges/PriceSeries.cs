using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Charges;

/// <summary>
/// A price series of a charge (<c>Series_Period</c>).
/// </summary>
/// <param name="Resolution">PT15M, PT1H, P1D or P1M.</param>
/// <param name="TimeInterval">The UTC interval [start, end) the prices cover.</param>
/// <param name="Prices">The prices in document order (not checked: see <see cref="PriceListValidator"/>).</param>
public sealed record PriceSeries(Resolution Resolution, Interval TimeInterval, ValueList<ChargePrice> Prices);
