using NodaTime;

namespace BiO.Domain.Time;

/// <summary>
/// The resolution of a series (CIM <c>resolution</c>): PT15M and PT1H are fixed UTC durations; P1D and P1M
/// are local calendar days and months in Europe/Copenhagen (23/24/25-hour days, 28-31-day months).
/// </summary>
public sealed record Resolution
{
    public static Resolution QuarterHour { get; } = new("PT15M", Duration.FromMinutes(15));
    public static Resolution Hour { get; } = new("PT1H", Duration.FromHours(1));
    public static Resolution Day { get; } = new("P1D", null);
    public static Resolution Month { get; } = new("P1M", null);

    private Resolution(string code, Duration? fixedLength)
    {
        Code = code;
        FixedLength = fixedLength;
    }

    /// <summary>The ISO 8601 code used by DataHub (PT15M, PT1H, P1D, P1M).</summary>
    public string Code { get; }

    /// <summary>The length of one interval for fixed resolutions; null for calendar resolutions.</summary>
    public Duration? FixedLength { get; }

    public bool IsFixed => FixedLength.HasValue;

    /// <summary>Parses a DataHub resolution code.</summary>
    /// <exception cref="ArgumentException">The code is not PT15M, PT1H, P1D or P1M.</exception>
    public static Resolution Parse(string code) => code switch
    {
        "PT15M" => QuarterHour,
        "PT1H" => Hour,
        "P1D" => Day,
        "P1M" => Month,
        _ => throw new ArgumentException($"Unknown resolution '{code}'; expected PT15M, PT1H, P1D or P1M.", nameof(code)),
    };

    /// <summary>The interval at a 1-based <paramref name="position"/> of a series starting at <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is below 1.</exception>
    public Interval IntervalAt(Instant start, int position)
    {
        if (position < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Positions are 1-based.");
        }

        if (FixedLength is { } length)
        {
            var from = start + (length * (position - 1));
            return new Interval(from, from + length);
        }

        var localStart = BillingTime.DayOf(start);
        return this == Day
            ? BillingTime.Day(localStart.PlusDays(position - 1))
            : BillingTime.Month(localStart.ToYearMonth().PlusMonths(position - 1));
    }

    /// <summary>
    /// The 1-based position of the interval starting at <paramref name="instant"/> in a series starting at
    /// <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The instant is before the start or not on an interval boundary.</exception>
    public int PositionOf(Instant start, Instant instant)
    {
        if (instant < start)
        {
            throw new ArgumentException($"Instant {instant} is before the series start {start}.", nameof(instant));
        }

        if (FixedLength is { } length)
        {
            var offset = instant - start;
            if (offset.BclCompatibleTicks % length.BclCompatibleTicks != 0)
            {
                throw new ArgumentException($"Instant {instant} is not on a {Code} boundary from {start}.", nameof(instant));
            }

            return checked((int)(offset.BclCompatibleTicks / length.BclCompatibleTicks) + 1);
        }

        var position = 1;
        while (IntervalAt(start, position).Start < instant)
        {
            position++;
        }

        if (IntervalAt(start, position).Start != instant)
        {
            throw new ArgumentException($"Instant {instant} is not on a {Code} boundary from {start}.", nameof(instant));
        }

        return position;
    }

    /// <summary>Every interval of this resolution that tiles <paramref name="period"/>, in order.</summary>
    /// <exception cref="ArgumentException">The period is not a whole number of intervals.</exception>
    public IReadOnlyList<Interval> Intervals(Interval period)
    {
        var result = new List<Interval>();
        var position = 1;
        var current = IntervalAt(period.Start, position);
        while (current.End <= period.End)
        {
            result.Add(current);
            if (current.End == period.End)
            {
                return result;
            }

            current = IntervalAt(period.Start, ++position);
        }

        throw new ArgumentException($"Period {period} is not a whole number of {Code} intervals.", nameof(period));
    }

    /// <summary>The number of intervals in <paramref name="period"/>.</summary>
    public int CountIn(Interval period) =>
        FixedLength is { } length && (period.Duration.BclCompatibleTicks % length.BclCompatibleTicks == 0)
            ? checked((int)(period.Duration.BclCompatibleTicks / length.BclCompatibleTicks))
            : Intervals(period).Count;

    public override string ToString() => Code;
}
