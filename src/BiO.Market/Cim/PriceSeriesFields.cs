using BiO.Domain.Time;
using BiO.Market.Charges;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one price series (<c>Series_Period</c>) as a reader meets them; reset by <see cref="Build"/>.</summary>
internal sealed class PriceSeriesFields
{
    public static readonly string[] Names = ["resolution"];
    public static readonly string[] IntervalNames = CimTimeInterval.Names;
    public static readonly string[] PointNames = ["position", "price.amount"];

    private readonly List<ChargePrice> prices = new(96);
    private Resolution? resolution;
    private readonly CimTimeInterval interval = new();
    private int? position;
    private decimal? amount;

    public void Set(string name, string raw, ReadContext context) =>
        resolution = ChargeValues.TryResolution(raw, out var parsed, out var error) ? parsed : throw context.Error(error);

    public void SetInterval(string name, string raw, ReadContext context) => interval.Set(name, raw, context);

    /// <summary>Checks the interval once read; the context is at <c>timeInterval</c>.</summary>
    public void CheckTimeInterval(ReadContext context)
    {
        var (from, to) = interval.Complete(context);
        if (to < from)
        {
            throw context.Error($"The interval ends at {CimTime.ToMinutes(to)}, before it starts at {CimTime.ToMinutes(from)}.");
        }
    }

    public void SetPoint(string name, string raw, ReadContext context)
    {
        if (name == "position")
        {
            position = ChargeValues.TryWhole(raw, "Position", out var value, out var error) ? value : throw context.Error(error);
        }
        else
        {
            amount = ChargeValues.TryPrice(raw, out var value, out var error) ? value : throw context.Error(error);
        }
    }

    /// <summary>Ends a point; the context is at <c>Point[i]</c>.</summary>
    public void EndPoint(ReadContext context)
    {
        prices.Add(new ChargePrice(position ?? throw context.Missing("position"), amount ?? throw context.Missing("price.amount")));
        position = null;
        amount = null;
    }

    /// <summary>The series; the context is at <c>Series_Period[i]</c>.</summary>
    public PriceSeries Build(ReadContext context)
    {
        var series = new PriceSeries(
            resolution ?? throw context.Missing("resolution"),
            interval.Value(context, "timeInterval"),
            prices.Count > 0 ? new ValueList<ChargePrice>([.. prices]) : throw context.Missing("Point"));
        prices.Clear();
        resolution = null;
        interval.Reset();
        return series;
    }
}
