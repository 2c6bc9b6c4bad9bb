using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Tests;

public class BillingTimeTests
{
    [Theory]
    [InlineData(2026, 3, 29, 92)] // last Sunday of March: 23 hours
    [InlineData(2026, 10, 25, 100)] // last Sunday of October: 25 hours
    [InlineData(2026, 3, 28, 96)]
    [InlineData(2024, 3, 31, 92)]
    [InlineData(2024, 10, 27, 100)]
    public void A_local_day_has_92_96_or_100_quarter_hours(int year, int month, int day, int quarterHours)
    {
        var interval = BillingTime.Day(new LocalDate(year, month, day));
        Assert.Equal(quarterHours, interval.Duration / Duration.FromMinutes(15));
    }

    [Fact]
    public void A_day_starts_at_local_midnight_in_utc()
    {
        Assert.Equal(Instant.FromUtc(2026, 6, 30, 22, 0), BillingTime.Day(new LocalDate(2026, 7, 1)).Start);
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 23, 0), BillingTime.Day(new LocalDate(2026, 2, 1)).Start);
    }

    [Theory]
    [InlineData(2026, 3, 743)]
    [InlineData(2026, 10, 745)]
    [InlineData(2026, 2, 672)]
    [InlineData(2026, 6, 720)]
    public void A_month_is_the_sum_of_its_local_days(int year, int month, int hours)
    {
        var yearMonth = new YearMonth(year, month);
        var interval = BillingTime.Month(yearMonth);
        Assert.Equal(Duration.FromHours(hours), interval.Duration);
        var days = Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(year, month))
            .Select(d => BillingTime.Day(yearMonth.OnDayOfMonth(d)))
            .ToList();
        Assert.Equal(interval.Start, days[0].Start);
        Assert.Equal(interval.End, days[^1].End);
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void The_days_of_an_interval_exclude_its_end()
    {
        var twoDays = new Interval(Instant.FromUtc(2026, 3, 27, 23, 0), Instant.FromUtc(2026, 3, 29, 22, 0));
        Assert.Equal(new DateInterval(new LocalDate(2026, 3, 28), new LocalDate(2026, 3, 29)), BillingTime.DaysOf(twoDays));
        Assert.Equal(twoDays, BillingTime.Of(BillingTime.DaysOf(twoDays)));
    }

    [Fact]
    public void An_instant_belongs_to_its_local_day_and_month()
    {
        var lastHourOfJune = Instant.FromUtc(2026, 6, 30, 21, 59);
        Assert.Equal(new LocalDate(2026, 6, 30), BillingTime.DayOf(lastHourOfJune));
        Assert.Equal(new YearMonth(2026, 7), BillingTime.MonthOf(lastHourOfJune + Duration.FromMinutes(1)));
    }

    [Fact]
    public void An_empty_or_unbounded_interval_has_no_days()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        Assert.Throws<ArgumentException>(() => BillingTime.DaysOf(new Interval(now, now)));
        Assert.Throws<ArgumentException>(() => BillingTime.DaysOf(new Interval(null, now)));
    }
}
