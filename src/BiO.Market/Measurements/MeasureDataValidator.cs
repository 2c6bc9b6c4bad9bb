using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Market.Measurements;

/// <summary>
/// The business rules of RSM-012 meter data, separate from reading: a document that reads may still break them.
/// Returns every problem, not the first.
/// <list type="bullet">
/// <item>the unit is KWH;</item>
/// <item>the interval is not empty and starts and ends on whole resolution steps (PT15M: :00/:15/:30/:45,
/// PT1H: whole UTC hours, P1M: local midnight on the 1st in Europe/Copenhagen);</item>
/// <item>each position is inside 1..N, N = interval / resolution (92, 96 or 100 quarter-hours on a local day);</item>
/// <item>no position appears twice;</item>
/// <item>A02 (not available) carries no quantity, every other quality carries one;</item>
/// <item>no negative quantity on E17 consumption or E18 production points: DataHub measures both as energy
/// in one direction (the direction is the point type). Child points D01..D99 are not checked here;</item>
/// <item>the points fill the interval: absent positions are reported as ranges ("points 7..24 of 24 are absent").
/// DataHub sends complete periods, but a document that is incomplete is still read; readiness decides.</item>
/// </list>
/// </summary>
public static class MeasureDataValidator
{
    public static IReadOnlyList<MeasureDataProblem> Validate(ValidatedMeasureData document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<MeasureDataProblem>();
        for (var index = 0; index < document.Series.Count; index++)
        {
            Validate(document.Header.DocumentId, document.Series[index], $"Series[{index}]", problems);
        }

        return problems;
    }

    private static void Validate(string documentId, MeasureSeries series, string place, List<MeasureDataProblem> problems)
    {
        void Add(string where, string message) => problems.Add(new MeasureDataProblem(documentId, series.SeriesId, where, message));

        if (series.Unit != "KWH")
        {
            Add($"{place}.quantity_Measure_Unit.name", $"Unit '{series.Unit}' is not KWH.");
        }

        var period = series.Period;
        var periodPlace = $"{place}.Period";
        var count = CountPositions(period, out var intervalProblem);
        if (intervalProblem is not null)
        {
            Add($"{periodPlace}.timeInterval", intervalProblem);
        }

        // Where each position first appears (Point index + 1; 0: not yet): an array over 1..count when the count is
        // known, else a dictionary. No string is made for a point unless it has a problem.
        var seen = count is { } n ? new int[n + 1] : null;
        var firstIndex = seen is null ? new Dictionary<int, int>() : null;
        var mustBeNonNegative = series.MeteringPointType == MeteringPointType.Consumption ||
                                series.MeteringPointType == MeteringPointType.Production;
        for (var i = 0; i < period.Points.Count; i++)
        {
            var point = period.Points[i];
            string PointPlace() => $"{periodPlace}.Point[{i}]";
            if (point.Position < 1 || (count is { } last && point.Position > last))
            {
                Add(PointPlace(), count is { } max
                    ? $"Position {point.Position} is outside 1..{max} ({max} × {period.Resolution} in {Describe(period.TimeInterval)})."
                    : $"Position {point.Position} is below 1.");
            }
            else if (seen is not null ? seen[point.Position] != 0 : !firstIndex!.TryAdd(point.Position, i))
            {
                var first = seen is not null ? seen[point.Position] - 1 : firstIndex![point.Position];
                Add(PointPlace(), $"Position {point.Position} appears again (first at Point[{first}]).");
            }
            else if (seen is not null)
            {
                seen[point.Position] = i + 1;
            }

            if (point.Quality == Quality.NotAvailable && point.Quantity is not null)
            {
                Add(PointPlace(), $"Position {point.Position} has quality A02 (not available) but a quantity ({Format(point.Quantity.Value)}).");
            }
            else if (point.Quality != Quality.NotAvailable && point.Quantity is null)
            {
                Add(PointPlace(), $"Position {point.Position} has no quantity; only quality A02 (not available) may lack one, got {point.Quality.Code()}.");
            }

            if (mustBeNonNegative && point.Quantity is { } negative && negative < 0)
            {
                Add(PointPlace(), $"Position {point.Position} has a negative quantity ({Format(negative)}); {series.MeteringPointType} quantities are never negative.");
            }
        }

        if (seen is not null)
        {
            foreach (var (from, to) in AbsentRanges(seen))
            {
                Add(periodPlace, from == to
                    ? $"Point {from} of {count} is absent."
                    : $"Points {from}..{to} of {count} are absent.");
            }
        }
    }

    /// <summary>N = interval / resolution, or null with a problem when the interval is not whole steps.</summary>
    private static int? CountPositions(MeasurePeriod period, out string? problem)
    {
        var interval = period.TimeInterval;
        if (interval.Duration <= Duration.Zero)
        {
            problem = $"The interval {Describe(interval)} is empty.";
            return null;
        }

        var resolution = period.Resolution;
        if (resolution.FixedLength is { } step)
        {
            var stepTicks = step.BclCompatibleTicks;
            var offStart = interval.Start.ToUnixTimeTicks() % stepTicks != 0;
            var offEnd = interval.End.ToUnixTimeTicks() % stepTicks != 0;
            if (offStart || offEnd)
            {
                problem = $"The interval {Describe(interval)} does not {(offStart ? "start" : "end")} on a whole {resolution} step.";
                return null;
            }

            problem = null;
            return resolution.CountIn(interval);
        }

        var startLocal = interval.Start.InZone(BillingTime.Zone);
        var endLocal = interval.End.InZone(BillingTime.Zone);
        var onMonth = (ZonedDateTime local) => local.Day == 1 && BillingTime.Zone.AtStartOfDay(local.Date) == local;
        if (!onMonth(startLocal) || !onMonth(endLocal))
        {
            problem = $"The interval {Describe(interval)} does not {(onMonth(startLocal) ? "end" : "start")} at local midnight on the first of a month (Europe/Copenhagen), as {resolution} needs.";
            return null;
        }

        problem = null;
        return resolution.CountIn(interval);
    }

    private static IEnumerable<(int From, int To)> AbsentRanges(int[] seen)
    {
        var from = 0;
        for (var position = 1; position < seen.Length; position++)
        {
            if (seen[position] == 0 && from == 0)
            {
                from = position;
            }
            else if (seen[position] != 0 && from != 0)
            {
                yield return (from, position - 1);
                from = 0;
            }
        }

        if (from != 0)
        {
            yield return (from, seen.Length - 1);
        }
    }

    private static string Format(decimal quantity) => quantity.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(Interval interval) =>
        $"{Cim.CimTime.ToMinutes(interval.Start)}..{Cim.CimTime.ToMinutes(interval.End)}";
}
