using BiO.Domain.Time;
using BiO.Persistence.Outbox;
using NodaTime;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary><see cref="MeterDataRequests"/> on the outbox, against PostgreSQL and memory.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class MeterDataRequestTests(Services services)
{
    private const string Point = "571313000000007001";
    private const string Other = "571313000000007002";
    private static readonly Instant T0 = Instant.FromUtc(2026, 2, 3, 9, 0);
    private static readonly Interval January10 = BillingTime.Day(new LocalDate(2026, 1, 10));
    private static readonly Interval January11 = BillingTime.Day(new LocalDate(2026, 1, 11));

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task A_period_asked_for_twice_is_added_once_under_its_key_with_its_payload(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var requests = new MeterDataRequests(stores.Outbox);

        Assert.Equal(2, await requests.RequestAsync(Point, [January10, January11], T0));
        Assert.Equal(0, await requests.RequestAsync(Point, [January10], T0 + Duration.FromMinutes(1)));
        Assert.Equal(1, await requests.RequestAsync(Other, [January10], T0 + Duration.FromMinutes(2)));

        // 2026-01-10 00:00 in Copenhagen (winter, UTC+1) is 2026-01-09 23:00Z.
        var history = await stores.Outbox.ByKeyAsync($"rsm-015:{Point}:2026-01-09T23:00:00Z:2026-01-10T23:00:00Z");
        var message = Assert.Single(history);
        Assert.Equal((OutboxKinds.MeterDataRequest, "application/json", T0), (message.Kind, message.ContentType, message.CreatedAt));
        Assert.Equal($$"""{"gsrn":"{{Point}}","start":"2026-01-09T23:00:00Z","end":"2026-01-10T23:00:00Z"}""", message.Payload);

        var views = await requests.ForPointAsync(Point);
        Assert.Equal([January11, January10], views.Select(v => v.Period));
        Assert.All(views, v => Assert.Equal((Point, OutboxState.Waiting, 0, (string?)null, (Instant?)null), (v.Gsrn, v.State, v.Attempts, v.RejectReason, v.AnsweredAt)));
        Assert.Equal(January10, Assert.Single(await requests.ForPointAsync(Other)).Period);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task A_period_that_is_not_whole_local_days_is_refused_and_nothing_is_added(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var requests = new MeterDataRequests(stores.Outbox);
        var utcMidnight = new Interval(Instant.FromUtc(2026, 1, 10, 0, 0), Instant.FromUtc(2026, 1, 11, 0, 0));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => requests.RequestAsync(Point, [January10, utcMidnight], T0));
        Assert.Contains("whole local days", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-10 01:00 local time", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => requests.RequestAsync(Point, [new Interval(January10.Start, January10.Start)], T0));
        await Assert.ThrowsAsync<ArgumentException>(() => requests.RequestAsync("5713130000", [January10], T0));
        Assert.Empty(await requests.ForPointAsync(Point));
    }

    [Fact]
    public async Task Summer_days_and_several_days_at_once_are_whole_local_days()
    {
        var outbox = new InMemoryOutbox(Policy);
        var requests = new MeterDataRequests(outbox);
        var fallBackWeek = BillingTime.Of(new DateInterval(new LocalDate(2025, 10, 22), new LocalDate(2025, 10, 28)));

        Assert.Equal(1, await requests.RequestAsync(Point, [fallBackWeek], T0));
        Assert.Equal(
            $"rsm-015:{Point}:2025-10-21T22:00:00Z:2025-10-28T23:00:00Z",
            Assert.Single(await outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10)).Key);
    }
}
