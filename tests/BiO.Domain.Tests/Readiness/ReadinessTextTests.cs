using BiO.Domain.Readiness;
using NodaTime;
using static BiO.Domain.Tests.Readiness.ReadinessFixture;

namespace BiO.Domain.Tests.Readiness;

/// <summary>Meter data gaps in local Copenhagen time: DST days, merging, quarter-hours, day ends.</summary>
public class ReadinessTextTests
{
    private static readonly YearMonth March = new(2026, 3);
    private static readonly YearMonth October = new(2026, 10);

    private static string MeterDataText(YearMonth month, params Interval[] missing) =>
        Assert.Single(new ReadinessFixture(month) { NoQuantity = missing }.Assess().Gaps).Text;

    [Theory]
    [InlineData(0, "571313000000002000 2026-03-29 01:00-02:00: no quantity")] // the last CET hour
    [InlineData(1, "571313000000002000 2026-03-29 03:00-04:00: no quantity")] // the first CEST hour (02:00-03:00 does not exist)
    public void A_missing_hour_on_the_spring_DST_day_is_printed_in_local_time(int utcHour, string expected) =>
        Assert.Equal(expected, MeterDataText(March, Utc(2026, 3, 29, utcHour, 0, 29, utcHour + 1, 0)));

    [Theory]
    [InlineData(23, 24, "571313000000002000 2026-10-25 01:00-02:00: no quantity")]
    [InlineData(24, 25, "571313000000002000 2026-10-25 02:00-03:00 CEST: no quantity")] // the first 02:00-03:00
    [InlineData(25, 26, "571313000000002000 2026-10-25 02:00-03:00 CET: no quantity")] // the repeated one
    [InlineData(24, 26, "571313000000002000 2026-10-25 02:00 CEST-03:00 CET: no quantity")]
    [InlineData(26, 27, "571313000000002000 2026-10-25 03:00-04:00: no quantity")]
    public void A_missing_hour_on_the_autumn_DST_day_is_printed_in_local_time(int fromHour, int toHour, string expected)
    {
        var start = Instant.FromUtc(2026, 10, 24, 0, 0);
        Assert.Equal(expected, MeterDataText(October, new Interval(start + Duration.FromHours(fromHour), start + Duration.FromHours(toHour))));
    }

    [Fact]
    public void The_whole_23_hour_spring_day_is_said_as_the_day()
    {
        Assert.Equal("571313000000002000 2026-03-29: no quantity", MeterDataText(March, Utc(2026, 3, 28, 23, 0, 29, 22, 0)));
    }

    [Fact]
    public void The_whole_25_hour_autumn_day_and_the_next_are_one_day_range()
    {
        var days = new Interval(Instant.FromUtc(2026, 10, 24, 22, 0), Instant.FromUtc(2026, 10, 26, 23, 0));
        Assert.Equal("571313000000002000 2026-10-25..2026-10-26: no quantity", MeterDataText(October, days));
    }

    [Fact]
    public void Adjacent_missing_intervals_from_A02_and_from_data_never_sent_merge_into_one_range()
    {
        var report = new ReadinessFixture(March)
        {
            NoQuantity = [Utc(2026, 3, 14, 16, 0, 14, 17, 0)],
            NotSent = [Utc(2026, 3, 14, 17, 0, 14, 17, 45)],
        }.Assess();
        Assert.Equal(["571313000000002000 2026-03-14 17:00-18:45: no quantity"], report.Texts);
        Assert.Equal([Utc(2026, 3, 14, 16, 0, 14, 17, 45)], ReadinessCheck.MissingMeterData(report));
    }

    [Fact]
    public void One_missing_quarter_hour_is_said_exactly_though_the_hourly_tariff_lacks_the_whole_hour()
    {
        var report = new ReadinessFixture(March) { NoQuantity = [Utc(2026, 3, 14, 16, 15, 14, 16, 30)] }.Assess();
        var gap = Assert.Single(report.Gaps);
        Assert.Equal("571313000000002000 2026-03-14 17:15-17:30: no quantity", gap.Text);
        Assert.Equal(2, gap.ElementIds.Count);
    }

    [Fact]
    public void Separate_missing_ranges_are_separate_gaps()
    {
        var report = new ReadinessFixture(March)
        {
            NoQuantity = [Utc(2026, 3, 14, 16, 0, 14, 17, 0), Utc(2026, 3, 14, 18, 0, 14, 18, 15)],
        }.Assess();
        Assert.Equal(
            ["571313000000002000 2026-03-14 17:00-18:00: no quantity", "571313000000002000 2026-03-14 19:00-19:15: no quantity"],
            report.Texts);
        Assert.Equal(2, ReadinessCheck.MissingMeterData(report).Count);
    }

    [Fact]
    public void A_range_to_the_end_of_the_period_ends_at_24_00_and_across_midnight_names_both_days()
    {
        Assert.Equal("571313000000002000 2026-03-31 23:00-24:00: no quantity", MeterDataText(March, Utc(2026, 3, 31, 21, 0, 31, 22, 0)));
        Assert.Equal("571313000000002000 2026-03-14 22:00..2026-03-15 02:00: no quantity", MeterDataText(March, Utc(2026, 3, 14, 21, 0, 15, 1, 0)));
    }

    [Fact]
    public void A_re_request_asks_for_whole_local_days()
    {
        var report = new ReadinessFixture(March)
        {
            NoQuantity = [Utc(2026, 3, 14, 16, 0, 14, 17, 0), Utc(2026, 3, 15, 2, 0, 15, 3, 0), Utc(2026, 3, 29, 0, 0, 29, 1, 0)],
        }.Assess();
        Assert.Equal(
            [Utc(2026, 3, 13, 23, 0, 15, 23, 0), Utc(2026, 3, 28, 23, 0, 29, 22, 0)],
            ReadinessCheck.MeterDataRequestPeriods(report));
    }
}
