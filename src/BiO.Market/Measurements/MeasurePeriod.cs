using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Measurements;

/// <summary>
/// The one <c>Period</c> of a meter data series.
/// </summary>
/// <param name="Resolution">PT15M, PT1H or P1M (the reader refuses any other).</param>
/// <param name="TimeInterval">The UTC interval [start, end) the points cover.</param>
/// <param name="Points">The points in document order (not sorted, not checked: see <see cref="MeasureDataValidator"/>).</param>
public sealed record MeasurePeriod(Resolution Resolution, Interval TimeInterval, ValueList<MeasurePoint> Points);
