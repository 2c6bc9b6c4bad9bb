using BiO.Domain.Time;
using NodaTime;

namespace BiO.Market.Documents;

/// <summary>Checks shared by the validators: local midnight, and positions 1..N of a series.</summary>
internal static class Positions
{
    public static bool AtLocalMidnight(Instant instant) =>
        BillingTime.Zone.AtStartOfDay(BillingTime.DayOf(instant)).ToInstant() == instant;

    public static bool AtFirstOfMonth(Instant instant) =>
        AtLocalMidnight(instant) && BillingTime.DayOf(instant).Day == 1;

    public static string Describe(Interval interval) =>
        $"{Cim.CimTime.ToMinutes(interval.Start)}..{Cim.CimTime.ToMinutes(interval.End)}";

    /// <summary>
    /// Positions outside 1..<paramref name="count"/>, repeated positions and, when <paramref name="complete"/>, the
    /// absent ones as ranges; each problem as (index of the point or -1 for the series, message).
    /// </summary>
    public static IEnumerable<(int Index, string Message)> Check(IReadOnlyList<int> positions, int count, string what, bool complete)
    {
        var first = new Dictionary<int, int>();
        var seen = new bool[count + 1];
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            if (position < 1 || position > count)
            {
                yield return (i, $"Position {position} is outside 1..{count}.");
            }
            else if (!first.TryAdd(position, i))
            {
                yield return (i, $"Position {position} appears again (first at Point[{first[position]}]).");
            }
            else
            {
                seen[position] = true;
            }
        }

        if (!complete)
        {
            yield break;
        }

        var from = 0;
        for (var position = 1; position <= count + 1; position++)
        {
            var present = position > count || seen[position];
            if (!present && from == 0)
            {
                from = position;
            }
            else if (present && from != 0)
            {
                var to = position - 1;
                yield return (-1, from == to ? $"{what} {from} of {count} is absent." : $"{what}s {from}..{to} of {count} are absent.");
                from = 0;
            }
        }
    }
}
