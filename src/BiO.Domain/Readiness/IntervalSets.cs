using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Readiness;

/// <summary>Sets of UTC intervals as sorted, disjoint, non-adjacent lists (adjacent intervals are merged).</summary>
internal static class IntervalSets
{
    /// <summary>The parts of <paramref name="intervals"/> (possibly unbounded) within <paramref name="within"/>, sorted and merged.</summary>
    public static IReadOnlyList<Interval> Normalize(IEnumerable<Interval> intervals, Interval within)
    {
        var clipped = new List<Interval>();
        foreach (var i in intervals)
        {
            var start = i.HasStart && i.Start > within.Start ? i.Start : within.Start;
            var end = i.HasEnd && i.End < within.End ? i.End : within.End;
            if (end > start)
            {
                clipped.Add(new Interval(start, end));
            }
        }

        return Merge(clipped);
    }

    /// <summary>Bounded intervals sorted and merged where they overlap or touch.</summary>
    public static IReadOnlyList<Interval> Merge(IEnumerable<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (var i in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && i.Start <= merged[^1].End)
            {
                if (i.End > merged[^1].End)
                {
                    merged[^1] = new Interval(merged[^1].Start, i.End);
                }
            }
            else
            {
                merged.Add(i);
            }
        }

        return merged;
    }

    /// <summary>The overlap of two normalized sets.</summary>
    public static IReadOnlyList<Interval> Intersect(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b)
    {
        var result = new List<Interval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (end > start)
            {
                result.Add(new Interval(start, end));
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Merge(result);
    }

    /// <summary>The parts of <paramref name="a"/> outside <paramref name="b"/> (both normalized).</summary>
    public static IReadOnlyList<Interval> Subtract(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b)
    {
        var result = new List<Interval>();
        foreach (var interval in a)
        {
            var cursor = interval.Start;
            foreach (var cut in b)
            {
                if (cut.End <= cursor || cut.Start >= interval.End)
                {
                    continue;
                }

                if (cut.Start > cursor)
                {
                    result.Add(new Interval(cursor, cut.Start));
                }

                cursor = cut.End;
            }

            if (cursor < interval.End)
            {
                result.Add(new Interval(cursor, interval.End));
            }
        }

        return result;
    }

    /// <summary>
    /// Normalized intervals grouped by the local days they touch: intervals whose days meet or touch (consecutive days)
    /// form one range, with the span from its first start to its last end.
    /// </summary>
    public static IReadOnlyList<(DateInterval Days, Interval Span)> DayRanges(IReadOnlyList<Interval> intervals)
    {
        var ranges = new List<(DateInterval Days, Interval Span)>();
        foreach (var i in intervals)
        {
            var days = BillingTime.DaysOf(i);
            if (ranges.Count > 0 && days.Start <= ranges[^1].Days.End.PlusDays(1))
            {
                var last = ranges[^1];
                var end = days.End > last.Days.End ? days.End : last.Days.End;
                ranges[^1] = (new DateInterval(last.Days.Start, end), new Interval(last.Span.Start, i.End > last.Span.End ? i.End : last.Span.End));
            }
            else
            {
                ranges.Add((days, i));
            }
        }

        return ranges;
    }

    /// <summary>The interval from the first start to the last end of a non-empty normalized set.</summary>
    public static Interval Span(IReadOnlyList<Interval> intervals) => new(intervals[0].Start, intervals[^1].End);
}
