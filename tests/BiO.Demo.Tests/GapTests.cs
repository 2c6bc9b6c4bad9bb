using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Demo.Tests;

public sealed class GapTests
{
    [Fact]
    public void The_chosen_share_of_points_has_gaps_and_the_others_none()
    {
        var options = Documents.Small with { MeteringPoints = 400, MissingShare = 0.2 };
        var month = new DemoMonth(options);
        var withGaps = month.Points().Where(p => p.HasGaps).ToList();

        Assert.InRange(withGaps.Count, 50, 110); // 80 expected
        Assert.All(withGaps, p => Assert.NotEmpty(month.Withheld(p)));
        Assert.All(month.Points().Where(p => !p.HasGaps), p => Assert.Empty(month.Withheld(p)));
        Assert.Contains(month.Withheld(), w => w.WholeDay);
        Assert.Contains(month.Withheld(), w => !w.WholeDay);
    }

    [Fact]
    public void Delivered_documents_leave_out_exactly_the_withheld_hours_and_days()
    {
        var month = new DemoMonth(Documents.Small);
        var delivered = Documents.DeliveredSeries(month);
        var withheld = month.Withheld().ToList();

        foreach (var point in month.Points())
        {
            var mine = withheld.Where(w => w.MeteringPoint == point.Gsrn).ToList();
            foreach (var day in SuppliedDays(month, point))
            {
                var dayUtc = BillingTime.Day(day);
                var expectedMissing = mine.Where(w => w.Day == day).ToList();
                if (expectedMissing.Any(w => w.WholeDay))
                {
                    Assert.False(delivered.ContainsKey((point.Gsrn.Value, dayUtc.Start)), $"{point.Gsrn} {day} should not be sent");
                    continue;
                }

                var series = delivered[(point.Gsrn.Value, dayUtc.Start)];
                var step = series.Period.Resolution.FixedLength!.Value;
                foreach (var p in series.Period.Points)
                {
                    var start = dayUtc.Start + (step * (p.Position - 1));
                    var missing = expectedMissing.Any(w => w.Utc.Contains(start));
                    Assert.Equal(missing, p.Quality == Quality.NotAvailable);
                    Assert.Equal(missing, p.Quantity is null);
                }
            }
        }
    }

    [Fact]
    public void No_share_means_no_gaps()
    {
        var month = new DemoMonth(Documents.Small with { MissingShare = 0 });

        Assert.Empty(month.Withheld());
        Assert.DoesNotContain(Documents.DeliveredSeries(month).Values.SelectMany(s => s.Period.Points), p => p.Quality == Quality.NotAvailable);
    }

    internal static IEnumerable<LocalDate> SuppliedDays(DemoMonth month, DemoMeteringPoint point)
    {
        var first = month.Options.Month.OnDayOfMonth(1);
        var days = month.Options.Month.Calendar.GetDaysInMonth(month.Options.Month.Year, month.Options.Month.Month);
        return Enumerable.Range(0, days).Select(first.PlusDays).Where(d => d >= point.SupplyStart);
    }
}
