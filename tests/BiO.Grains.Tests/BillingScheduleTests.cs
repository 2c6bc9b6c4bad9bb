using BiO.Grains.BillRuns;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class BillingScheduleTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task The_schedule_starts_each_due_month_once()
    {
        var schedule = fixture.Client.GetGrain<IBillingScheduleGrain>("schedule-test");
        Assert.Null(await schedule.TickAsync(Instant.FromUtc(2019, 1, 10, 12, 0))); // no schedule kept yet
        await schedule.EnsureAsync(5, new LocalTime(6, 0));

        Assert.Equal("scheduled-2018-11", await schedule.TickAsync(Instant.FromUtc(2019, 1, 4, 12, 0)));
        Assert.Null(await schedule.TickAsync(Instant.FromUtc(2019, 1, 4, 13, 0)));
        Assert.Equal("scheduled-2018-12", await schedule.TickAsync(Instant.FromUtc(2019, 1, 5, 5, 0))); // 06:00 in Copenhagen

        await fixture.Cluster.DeactivateAsync(schedule);
        Assert.Null(await schedule.TickAsync(Instant.FromUtc(2019, 1, 20, 0, 0)));
        var run = await fixture.Client.GetGrain<IBillRunGrain>("scheduled-2018-12").GetAsync();
        Assert.Equal(new YearMonth(2018, 12), run!.Month);
    }
}
