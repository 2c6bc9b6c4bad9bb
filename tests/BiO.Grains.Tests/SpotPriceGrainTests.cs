using BiO.Domain.Time;
using BiO.Grains.Spot;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class SpotPriceGrainTests(GrainClusterFixture fixture)
{
    private static readonly LocalDate SpringForward = new(2026, 3, 29); // 92 quarter-hours
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 28, 12, 0);

    private static SpotPricesReceived Day(string documentId, LocalDate day, decimal price, Instant receivedAt, int count = 92) =>
        new(documentId, "DK2", day, "PT15M", receivedAt,
            Enumerable.Range(0, count).Select(i => new SpotPrice(BillingTime.Day(day).Start + Duration.FromMinutes(15 * i), price, receivedAt)).ToList());

    [Fact]
    public async Task A_day_of_prices_is_kept_once_per_document_with_corrections_as_later_versions()
    {
        var grain = fixture.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK2", SpringForward));
        await grain.ReceiveAsync(Day("eds-1", SpringForward, 0.5m, Received));
        await grain.ReceiveAsync(Day("eds-1", SpringForward, 0.9m, Received)); // the same document again
        await grain.ReceiveAsync(Day("eds-2", SpringForward, 0.75m, Received + Duration.FromDays(1), count: 4));

        await fixture.Cluster.DeactivateAsync(grain);
        var view = await grain.GetAsync();
        Assert.Equal(("DK2", SpringForward, "PT15M"), (view.PriceArea, view.Day, view.Resolution));
        Assert.Equal(96, view.Prices.Count);
        Assert.Equal(92, view.Prices.Count(p => p.ReceivedAt == Received && p.Price == 0.5m));
        Assert.Equal(4, view.Prices.Count(p => p.ReceivedAt == Received + Duration.FromDays(1) && p.Price == 0.75m));
    }

    [Fact]
    public async Task Prices_of_another_day_or_off_the_grid_are_refused_and_nothing_is_kept()
    {
        var day = new LocalDate(2026, 4, 2);
        var grain = fixture.Client.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK2", day));
        var wrongDay = await Assert.ThrowsAsync<ArgumentException>(() => grain.ReceiveAsync(Day("eds-x", day.PlusDays(1), 0.5m, Received, 96)));
        Assert.Contains("eds-x", wrongDay.Message, StringComparison.Ordinal);

        var spilling = Day("eds-y", day, 0.5m, Received, 97); // one quarter-hour into the next day
        var outside = await Assert.ThrowsAsync<ArgumentException>(() => grain.ReceiveAsync(spilling));
        Assert.Contains("not a PT15M interval start of 2026-04-02", outside.Message, StringComparison.Ordinal);
        Assert.Empty((await grain.GetAsync()).Prices);
    }
}
