using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using BiO.Market.Documents;
using BiO.Market.Measurements;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>
/// The fields of one RSM-012 series as a reader meets them; reused from series to series (reset by
/// <see cref="Build"/>) so that a bundle of thousands of series allocates only the records it returns.
/// </summary>
internal sealed class SeriesFields
{
    private readonly List<MeasurePoint> points = new(100);
    private Gsrn? meteringPoint;
    private MeteringPointType? meteringPointType;
    private string? unit;
    private Instant? registeredAt;
    private string? originalTransactionId;
    private string? product;
    private Resolution? resolution;
    private Instant? start;
    private Instant? end;
    private bool hasPeriod;
    private bool hasTimeInterval;
    private bool hasPoints;

    public void SetMeteringPoint(string raw, ReadContext context) =>
        meteringPoint = Gsrn.TryParse(raw, out var gsrn, out var error) ? gsrn : throw context.Error(error);

    public void SetMeteringPointType(string raw, ReadContext context) =>
        meteringPointType = MeteringPointType.TryParse(raw, out var type, out var error) ? type : throw context.Error(error);

    public void SetUnit(string raw, ReadContext context) => unit = HeaderFields.Required(raw, context);

    public void SetRegisteredAt(string raw, ReadContext context) => registeredAt = Time(raw, context);

    public void SetOriginalTransactionId(string raw) => originalTransactionId = raw;

    public void SetProduct(string raw) => product = raw;

    public void SetResolution(string raw, ReadContext context) =>
        resolution = CimValues.TryResolution(raw, out var parsed, out var error) ? parsed : throw context.Error(error);

    public void SetStart(string raw, ReadContext context) => start = Time(raw, context);

    /// <summary>Sets the end; it may not be before the start (an empty interval is left to validation).</summary>
    public void SetEnd(string raw, ReadContext context)
    {
        end = Time(raw, context);
        if (start is { } from && end < from)
        {
            throw context.Error($"The interval ends at {CimTime.ToMinutes(end.Value)}, before it starts at {CimTime.ToMinutes(from)}.");
        }
    }

    public void MarkPeriod() => hasPeriod = true;

    public void MarkTimeInterval() => hasTimeInterval = true;

    public void MarkPoints() => hasPoints = true;

    public void AddPoint(MeasurePoint point) => points.Add(point);

    /// <summary>Checks the time interval once both ends are read; the context is at <c>timeInterval</c>.</summary>
    public void CheckTimeInterval(ReadContext context)
    {
        var from = start ?? throw context.Missing("start");
        var to = end ?? throw context.Missing("end");
        if (to < from)
        {
            throw context.Error($"The interval ends at {CimTime.ToMinutes(to)}, before it starts at {CimTime.ToMinutes(from)}.");
        }
    }

    /// <summary>Checks the period's required parts; the context is at <c>Period</c>.</summary>
    public void CheckPeriod(ReadContext context)
    {
        _ = resolution ?? throw context.Missing("resolution");
        if (!hasTimeInterval)
        {
            throw context.Missing("timeInterval");
        }

        if (!hasPoints)
        {
            throw context.Missing("Point");
        }
    }

    /// <summary>The series; the context is at the series element. Resets the fields for the next series.</summary>
    public MeasureSeries Build(ReadContext context)
    {
        var series = new MeasureSeries(
            context.SeriesId ?? throw context.Missing("mRID"),
            meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID"),
            meteringPointType ?? throw context.Missing("marketEvaluationPoint.type"),
            unit ?? throw context.Missing("quantity_Measure_Unit.name"),
            registeredAt ?? throw context.Missing("registration_DateAndOrTime.dateTime"),
            originalTransactionId,
            product,
            hasPeriod
                ? new MeasurePeriod(resolution!, new Interval(start!.Value, end!.Value), new ValueList<MeasurePoint>([.. points]))
                : throw context.Missing("Period"));
        Reset();
        context.SeriesId = null;
        return series;
    }

    private void Reset()
    {
        points.Clear();
        meteringPoint = null;
        meteringPointType = null;
        unit = null;
        registeredAt = null;
        originalTransactionId = null;
        product = null;
        resolution = null;
        start = null;
        end = null;
        hasPeriod = hasTimeInterval = hasPoints = false;
    }

    private static Instant Time(string raw, ReadContext context) =>
        CimTime.TryParse(raw, out var instant, out var error) ? instant : throw context.Error(error);
}
