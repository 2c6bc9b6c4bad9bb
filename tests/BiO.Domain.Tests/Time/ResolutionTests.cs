using BiO.Domain.Time;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.Time;

public class ResolutionTests
{
    [Theory]
    [InlineData(2026, 3, 2972)] // 31 days x 96 - 4 (last Sunday of March has 92 quarter-hours)
    [InlineData(2026, 10, 2980)] // 31 days x 96 + 4 (last Sunday of October has 100)
    [InlineData(2024, 3, 2972)]
    [InlineData(2024, 10, 2980)]
    [InlineData(2026, 2, 2688)]
    public void A_month_has_the_right_number_of_quarter_hours(int year, int month, int quarterHours)
    {
        var period = BillingPeriod.Of(new YearMonth(year, month));
        Assert.Equal(quarterHours, Resolution.QuarterHour.CountIn(period.Utc));
        Assert.Equal(quarterHours / 4, Resolution.Hour.CountIn(period.Utc));
        Assert.Equal(period.Dates.Length, Resolution.Day.CountIn(period.Utc));
        Assert.Equal(1, Resolution.Month.CountIn(period.Utc));
    }

    [Fact]
    public void Daily_intervals_of_a_DST_month_are_local_days_of_23_and_25_hours()
    {
        var march = Resolution.Day.Intervals(BillingPeriod.Of(new YearMonth(2026, 3)).Utc);
        Assert.Equal(Duration.FromHours(23), march[28].Duration);
        Assert.Equal(Instant.FromUtc(2026, 3, 28, 23, 0), march[28].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 22, 0), march[28].End);
        var october = Resolution.Day.Intervals(BillingPeriod.Of(new YearMonth(2026, 10)).Utc);
        Assert.Equal(Duration.FromHours(25), october[24].Duration);
    }

    [Fact]
    public void Positions_are_one_based_and_round_trip_for_every_resolution()
    {
        var start = BillingPeriod.Of(new YearMonth(2026, 3)).Utc.Start;
        Gen.Int[1, 3000].Sample(position =>
        {
            foreach (var resolution in new[] { Resolution.QuarterHour, Resolution.Hour, Resolution.Day })
            {
                var interval = resolution.IntervalAt(start, position);
                Assert.Equal(position, resolution.PositionOf(start, interval.Start));
            }
        }, iter: 300);
        Assert.Equal(new YearMonth(2026, 5), BillingTime.MonthOf(Resolution.Month.IntervalAt(start, 3).Start));
    }

    [Fact]
    public void Invalid_positions_and_codes_are_refused_with_the_parameter_named()
    {
        var start = Instant.FromUtc(2026, 1, 31, 23, 0);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Resolution.Hour.IntervalAt(start, 0)).ParamName);
        Assert.Equal("instant", Assert.Throws<ArgumentException>(() => Resolution.Hour.PositionOf(start, start + Duration.FromMinutes(15))).ParamName);
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => Resolution.Parse("PT5M")).ParamName);
        Assert.Same(Resolution.QuarterHour, Resolution.Parse("PT15M"));
    }

    [Fact]
    public void A_billing_period_from_utc_must_start_at_local_midnight()
    {
        var feb = BillingPeriod.FromUtc(new Interval(Instant.FromUtc(2023, 1, 31, 23, 0), Instant.FromUtc(2023, 2, 28, 23, 0)));
        Assert.Equal(BillingPeriod.Of(new YearMonth(2023, 2)), feb);
        Assert.Equal(28, feb.Days().Count);
        Assert.Throws<ArgumentException>(() => BillingPeriod.FromUtc(new Interval(Instant.FromUtc(2023, 1, 31, 22, 0), Instant.FromUtc(2023, 2, 28, 23, 0))));
    }
}
