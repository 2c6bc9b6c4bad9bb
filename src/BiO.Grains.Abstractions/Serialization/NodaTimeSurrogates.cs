using NodaTime;

namespace BiO.Grains.Serialization;

// Orleans does not serialize NodaTime out of the box (CodecNotFoundException at the first call, no build
// warning). Each NodaTime type used on the wire or in grain state gets a surrogate and a converter here.
// Surrogate field ids are part of the persisted format: never renumber them.

/// <summary>An <see cref="Instant"/> as whole days and the nanosecond of that day since the Unix epoch (exact).</summary>
[GenerateSerializer, Alias("BiO.Noda.Instant")]
public struct InstantSurrogate
{
    [Id(0)] public int Days;
    [Id(1)] public long NanosecondOfDay;
}

[RegisterConverter]
public sealed class InstantConverter : IConverter<Instant, InstantSurrogate>
{
    public Instant ConvertFromSurrogate(in InstantSurrogate surrogate) =>
        NodaConstants.UnixEpoch + Duration.FromDays(surrogate.Days) + Duration.FromNanoseconds(surrogate.NanosecondOfDay);

    public InstantSurrogate ConvertToSurrogate(in Instant value)
    {
        var sinceEpoch = value - NodaConstants.UnixEpoch;
        return new InstantSurrogate { Days = sinceEpoch.Days, NanosecondOfDay = sinceEpoch.NanosecondOfDay };
    }
}

/// <summary>A <see cref="Duration"/> as whole days and a nanosecond of day (exact).</summary>
[GenerateSerializer, Alias("BiO.Noda.Duration")]
public struct DurationSurrogate
{
    [Id(0)] public int Days;
    [Id(1)] public long NanosecondOfDay;
}

[RegisterConverter]
public sealed class DurationConverter : IConverter<Duration, DurationSurrogate>
{
    public Duration ConvertFromSurrogate(in DurationSurrogate surrogate) =>
        Duration.FromDays(surrogate.Days) + Duration.FromNanoseconds(surrogate.NanosecondOfDay);

    public DurationSurrogate ConvertToSurrogate(in Duration value) =>
        new() { Days = value.Days, NanosecondOfDay = value.NanosecondOfDay };
}

/// <summary>An ISO <see cref="LocalDate"/>.</summary>
[GenerateSerializer, Alias("BiO.Noda.LocalDate")]
public struct LocalDateSurrogate
{
    [Id(0)] public int Year;
    [Id(1)] public int Month;
    [Id(2)] public int Day;
}

[RegisterConverter]
public sealed class LocalDateConverter : IConverter<LocalDate, LocalDateSurrogate>
{
    public LocalDate ConvertFromSurrogate(in LocalDateSurrogate surrogate) => new(surrogate.Year, surrogate.Month, surrogate.Day);

    public LocalDateSurrogate ConvertToSurrogate(in LocalDate value)
    {
        IsoOnly.Check(value.Calendar);
        return new() { Year = value.Year, Month = value.Month, Day = value.Day };
    }
}

/// <summary>A <see cref="LocalTime"/> as its nanosecond of day.</summary>
[GenerateSerializer, Alias("BiO.Noda.LocalTime")]
public struct LocalTimeSurrogate
{
    [Id(0)] public long NanosecondOfDay;
}

[RegisterConverter]
public sealed class LocalTimeConverter : IConverter<LocalTime, LocalTimeSurrogate>
{
    public LocalTime ConvertFromSurrogate(in LocalTimeSurrogate surrogate) => LocalTime.FromNanosecondsSinceMidnight(surrogate.NanosecondOfDay);

    public LocalTimeSurrogate ConvertToSurrogate(in LocalTime value) => new() { NanosecondOfDay = value.NanosecondOfDay };
}

/// <summary>An ISO <see cref="LocalDateTime"/>.</summary>
[GenerateSerializer, Alias("BiO.Noda.LocalDateTime")]
public struct LocalDateTimeSurrogate
{
    [Id(0)] public LocalDate Date;
    [Id(1)] public LocalTime Time;
}

[RegisterConverter]
public sealed class LocalDateTimeConverter : IConverter<LocalDateTime, LocalDateTimeSurrogate>
{
    public LocalDateTime ConvertFromSurrogate(in LocalDateTimeSurrogate surrogate) => surrogate.Date + surrogate.Time;

    public LocalDateTimeSurrogate ConvertToSurrogate(in LocalDateTime value) => new() { Date = value.Date, Time = value.TimeOfDay };
}

/// <summary>An ISO <see cref="YearMonth"/> (a billing month).</summary>
[GenerateSerializer, Alias("BiO.Noda.YearMonth")]
public struct YearMonthSurrogate
{
    [Id(0)] public int Year;
    [Id(1)] public int Month;
}

[RegisterConverter]
public sealed class YearMonthConverter : IConverter<YearMonth, YearMonthSurrogate>
{
    public YearMonth ConvertFromSurrogate(in YearMonthSurrogate surrogate) => new(surrogate.Year, surrogate.Month);

    public YearMonthSurrogate ConvertToSurrogate(in YearMonth value)
    {
        IsoOnly.Check(value.Calendar);
        return new() { Year = value.Year, Month = value.Month };
    }
}

/// <summary>An <see cref="Interval"/>, [start, end), either side possibly unbounded.</summary>
[GenerateSerializer, Alias("BiO.Noda.Interval")]
public struct IntervalSurrogate
{
    [Id(0)] public Instant? Start;
    [Id(1)] public Instant? End;
}

[RegisterConverter]
public sealed class IntervalConverter : IConverter<Interval, IntervalSurrogate>
{
    public Interval ConvertFromSurrogate(in IntervalSurrogate surrogate) => new(surrogate.Start, surrogate.End);

    public IntervalSurrogate ConvertToSurrogate(in Interval value) => new()
    {
        Start = value.HasStart ? value.Start : null,
        End = value.HasEnd ? value.End : null,
    };
}

/// <summary>A <see cref="DateInterval"/>, both dates included.</summary>
[GenerateSerializer, Alias("BiO.Noda.DateInterval")]
public struct DateIntervalSurrogate
{
    [Id(0)] public LocalDate Start;
    [Id(1)] public LocalDate End;
}

[RegisterConverter]
public sealed class DateIntervalConverter : IConverter<DateInterval, DateIntervalSurrogate>
{
    public DateInterval ConvertFromSurrogate(in DateIntervalSurrogate surrogate) => new(surrogate.Start, surrogate.End);

    public DateIntervalSurrogate ConvertToSurrogate(in DateInterval value) => new() { Start = value.Start, End = value.End };
}

internal static class IsoOnly
{
    public static void Check(CalendarSystem calendar)
    {
        if (calendar != CalendarSystem.Iso)
        {
            throw new NotSupportedException($"Only ISO calendar values are serialized, got {calendar.Id}.");
        }
    }
}
