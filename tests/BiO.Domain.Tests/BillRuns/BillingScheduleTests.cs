using BiO.Domain.BillRuns;
using NodaTime;

namespace BiO.Domain.Tests.BillRuns;

public class BillingScheduleTests
{
    private static readonly BillingSchedule FifthAtSix = new(5, new LocalTime(6, 0));

    [Theory]
    [InlineData("2026-04-05T03:59:59Z", "2026-02")] // 05:59:59 local (CEST): March is not due yet
    [InlineData("2026-04-05T04:00:00Z", "2026-03")] // 06:00 local
    [InlineData("2026-01-31T22:59:00Z", "2025-12")] // 23:59 on 31 January local
    [InlineData("2026-02-04T12:00:00Z", "2025-12")] // before the 5th: January is not due yet
    [InlineData("2026-01-10T12:00:00Z", "2025-12")]
    public void The_due_month_is_the_previous_one_from_its_run_day_and_time_in_Copenhagen(string now, string due)
    {
        var instant = NodaTime.Text.InstantPattern.General.Parse(now).Value;
        Assert.Equal(NodaTime.Text.YearMonthPattern.Iso.Parse(due).Value, FifthAtSix.DueMonth(instant));
    }

    [Fact]
    public void A_day_that_some_months_lack_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingSchedule(29, new LocalTime(6, 0)));
}
