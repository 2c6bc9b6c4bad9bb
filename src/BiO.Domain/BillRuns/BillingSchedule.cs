using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.BillRuns;

/// <summary>
/// When monthly bill runs start: on a day of the following month at a local (Europe/Copenhagen) time, e.g. the 5th at
/// 06:00, when DataHub's meter data for the month is normally in.
/// </summary>
public sealed record BillingSchedule
{
    /// <exception cref="ArgumentOutOfRangeException">A day outside 1..28 (every month has it).</exception>
    public BillingSchedule(int dayOfMonth, LocalTime at)
    {
        if (dayOfMonth is < 1 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOfMonth), dayOfMonth, "A bill run day is 1..28, so that every month has it.");
        }

        DayOfMonth = dayOfMonth;
        At = at;
    }

    public int DayOfMonth { get; }

    public LocalTime At { get; }

    /// <summary>The latest month whose bill run is due at <paramref name="now"/>.</summary>
    public YearMonth DueMonth(Instant now)
    {
        var local = now.InZone(BillingTime.Zone).LocalDateTime;
        var thisMonthsRun = new LocalDateTime(local.Year, local.Month, DayOfMonth, At.Hour, At.Minute);
        var month = local.Date.ToYearMonth();
        return local >= thisMonthsRun ? month.PlusMonths(-1) : month.PlusMonths(-2);
    }
}
