using BiO.Domain.Money;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using CsCheck;
using NodaTime;

namespace BiO.Domain.Tests.TimeSeries;

public class SeriesTests
{
    private const string Gsrn = "571313000000002000";

    private static SeriesVersion Version(string id, Instant received, Instant start, Resolution resolution, IEnumerable<decimal?> quantities) =>
        new(id, received, start, resolution, quantities.Select((q, i) => new SeriesPoint(i + 1, q is { } v ? new Quantity(v) : null, q.HasValue ? Quality.Measured : Quality.NotAvailable)).ToList());

    [Fact]
    public void Quarter_hour_sums_equal_hour_sums_and_the_month_total_in_a_DST_month()
    {
        var period = BillingPeriod.Of(new YearMonth(2026, 10)).Utc; // 2980 quarter-hours
        Gen.Long[0, 5_000_000].Array[2980].Sample(raw =>
        {
            var quantities = raw.Select(r => (decimal?)(r / 1000m)).ToList();
            var resolved = new MeteringPointSeries(Gsrn).With(Version("v1", period.Start, period.Start, Resolution.QuarterHour, quantities)).AsKnownAt(period.End, period);
            var hours = resolved.HourSums();
            Assert.Equal(745, hours.Count);
            for (var h = 0; h < hours.Count; h++)
            {
                Assert.Equal(quantities.Skip(4 * h).Take(4).Sum(), hours[h].Quantity!.Value.Value);
            }

            var days = resolved.DaySums();
            Assert.Equal(31, days.Count);
            Assert.Equal(Duration.FromHours(25), days[24].End - days[24].Start);
            Assert.Equal(hours.Sum(h => h.Quantity!.Value.Value), days.Sum(d => d.Quantity!.Value.Value));
            Assert.Equal(resolved.Total().Quantity!.Value.Value, quantities.Sum());
        }, iter: 20);
    }

    [Fact]
    public void Missing_intervals_are_listed_exactly_and_make_their_hour_and_day_missing()
    {
        var day = BillingTime.Day(new LocalDate(2026, 3, 29)); // 92 quarter-hours
        var quantities = Enumerable.Repeat((decimal?)0.25m, 92).ToArray();
        quantities[5] = null; // A02
        var version = Version("v1", day.Start, day.Start, Resolution.QuarterHour, quantities.Take(90)); // the last two never arrive
        var resolved = new MeteringPointSeries(Gsrn).With(version).AsKnownAt(day.End, day);
        var quarter = Duration.FromMinutes(15);
        Assert.Equal(
            [new Interval(day.Start + (quarter * 5), day.Start + (quarter * 6)), new Interval(day.Start + (quarter * 90), day.End)],
            resolved.MissingIntervals());
        Assert.False(resolved.IsComplete);
        Assert.Equal(1m - (3m / 92m), resolved.Coverage);
        var hours = resolved.HourSums();
        Assert.Equal(23, hours.Count);
        Assert.True(hours[1].IsMissing);
        Assert.True(hours[22].IsMissing);
        Assert.Equal(1m, hours[0].Quantity!.Value.Value);
        Assert.True(resolved.DaySums()[0].IsMissing);
        Assert.True((hours[1].Qualities & QualitySet.NotAvailable) != 0);
    }

    [Fact]
    public void A_metering_point_can_change_from_hourly_to_quarter_hourly_inside_a_month()
    {
        var period = BillingPeriod.Of(new YearMonth(2026, 2)).Utc;
        var change = BillingTime.Day(new LocalDate(2026, 2, 15)).Start;
        var hourly = Version("h", period.Start, period.Start, Resolution.Hour, Enumerable.Repeat((decimal?)2m, 14 * 24));
        var quarterly = Version("q", period.Start, change, Resolution.QuarterHour, Enumerable.Repeat((decimal?)0.5m, 14 * 96));
        var resolved = new MeteringPointSeries(Gsrn).With(hourly).With(quarterly).AsKnownAt(period.End, period);
        Assert.True(resolved.IsComplete);
        Assert.Equal((14 * 24) + (14 * 96), resolved.Values.Count);
        Assert.All(resolved.HourSums(), h => Assert.Equal(2m, h.Quantity!.Value.Value));
        Assert.Equal(28 * 48m, resolved.Total().Quantity!.Value.Value);
    }

    [Fact]
    public void Each_version_is_kept_and_the_data_as_known_at_T_uses_what_was_received_by_T()
    {
        var day = BillingTime.Day(new LocalDate(2026, 1, 10));
        var t1 = day.End + Duration.FromHours(1);
        var t2 = t1 + Duration.FromDays(3);
        var first = Version("first", t1, day.Start, Resolution.Hour, Enumerable.Repeat((decimal?)1m, 24));
        var correction = Version("correction", t2, day.Start + Duration.FromHours(3), Resolution.Hour, [5m, 6m]);
        var series = new MeteringPointSeries(Gsrn).With(first).With(correction);
        Assert.Equal(2, series.Versions.Count);
        Assert.True(series.AsKnownAt(t1 - Duration.Epsilon, day).MissingIntervals().Single() == day);
        Assert.Equal(24m, series.AsKnownAt(t1, day).Total().Quantity!.Value.Value);
        var now = series.AsKnownAt(t2, day);
        Assert.Equal(24m - 2m + 11m, now.Total().Quantity!.Value.Value);
        Assert.Equal(t2, now.HourSums()[3].LatestReceivedAt);
        Assert.Equal(t1, now.HourSums()[2].LatestReceivedAt);
    }

    [Fact]
    public void Points_check_their_invariants()
    {
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => new SeriesPoint(0, new Quantity(1m))).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentException>(() => new SeriesPoint(1, new Quantity(1m), Quality.NotAvailable)).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentException>(() => new SeriesPoint(1, null, Quality.Measured)).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentException>(() => new SeriesVersion("x", Instant.MinValue, Instant.FromUtc(2026, 1, 1, 0, 0), Resolution.Day, [new SeriesPoint(1, new Quantity(1m))])).ParamName);
        Assert.Equal(Quality.Calculated, Qualities.Parse("A06"));
        Assert.Equal("A02", Quality.NotAvailable.Code());
    }
}
