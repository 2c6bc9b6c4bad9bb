using BiO.Persistence.Outbox;
using NodaTime;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary>The contract of <see cref="IOutbox"/>, run against PostgreSQL and against memory (policy: <see cref="InvoicingStores.Policy"/>).</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class OutboxTests(Services services)
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 2, 3, 9, 0);

    private static OutgoingMessage Request(string key) =>
        new(OutboxKinds.MeterDataRequest, key, $"<RequestValidatedMeasureData>{key}</RequestValidatedMeasureData>", "application/xml");

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task A_key_is_enqueued_once_while_pending_and_again_after_its_answer(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var outbox = stores.Outbox;

        Assert.True(await outbox.EnqueueAsync(Request("rsm015:571313000000002000:2026-01"), T0));
        Assert.False(await outbox.EnqueueAsync(Request("rsm015:571313000000002000:2026-01"), T0 + Duration.FromSeconds(1)));
        var message = Assert.Single(await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0, 10));
        Assert.True(await outbox.MarkSentAsync(message.Id, T0 + Duration.FromSeconds(2)));
        Assert.False(await outbox.EnqueueAsync(Request("rsm015:571313000000002000:2026-01"), T0 + Duration.FromSeconds(3)));

        Assert.True(await outbox.RecordAnswerAsync("rsm015:571313000000002000:2026-01", accepted: true, null, T0 + Duration.FromMinutes(5)));
        Assert.True(await outbox.EnqueueAsync(Request("rsm015:571313000000002000:2026-01"), T0 + Duration.FromMinutes(6)));

        var history = await outbox.ByKeyAsync("rsm015:571313000000002000:2026-01");
        Assert.Equal([OutboxState.Answered, OutboxState.Waiting], history.Select(m => m.State));
        Assert.Equal(
            (1, T0 + Duration.FromSeconds(2), T0 + Duration.FromMinutes(5), (string?)null),
            (history[0].Attempts, history[0].SentAt, history[0].AnsweredAt, history[0].RejectReason));
        Assert.Equal((0, T0 + Duration.FromMinutes(6), T0 + Duration.FromMinutes(6)), (history[1].Attempts, history[1].CreatedAt, history[1].NextAttemptAt));
        Assert.Equal("application/xml", history[1].ContentType);
        Assert.Contains("2026-01", history[1].Payload, StringComparison.Ordinal);
        Assert.False(await outbox.RecordAnswerAsync("rsm015:unknown", accepted: true, null, T0));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Messages_are_found_by_kind_and_key_prefix_with_like_wildcards_taken_literally(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var outbox = stores.Outbox;
        foreach (var key in new[] { "rsm-015:571313000000002000:a", "rsm-015:571313000000002001:a", "rsm-015:571313000000002000:b", "a_b:1", "axb:1", "a%:1", "a%b:1" })
        {
            Assert.True(await outbox.EnqueueAsync(Request(key), T0));
        }

        Assert.True(await outbox.EnqueueAsync(new OutgoingMessage(OutboxKinds.InvoiceIssued, "rsm-015:571313000000002000:c", "{}", "application/json"), T0));

        Assert.Equal(["rsm-015:571313000000002000:a", "rsm-015:571313000000002000:b"],
            (await outbox.ByKeyPrefixAsync(OutboxKinds.MeterDataRequest, "rsm-015:571313000000002000:")).Select(m => m.Key));
        Assert.Equal(["a_b:1"], (await outbox.ByKeyPrefixAsync(OutboxKinds.MeterDataRequest, "a_")).Select(m => m.Key));
        Assert.Equal(["a%:1"], (await outbox.ByKeyPrefixAsync(OutboxKinds.MeterDataRequest, "a%:")).Select(m => m.Key));
        Assert.Empty(await outbox.ByKeyPrefixAsync(OutboxKinds.MeterDataRequest, "rsm-015:571313000000009999:"));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Due_claims_waiting_messages_of_one_kind_for_the_lease_oldest_first(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var outbox = stores.Outbox;
        await outbox.EnqueueAsync(Request("a"), T0);
        await outbox.EnqueueAsync(Request("b"), T0 + Duration.FromSeconds(1));
        await outbox.EnqueueAsync(new OutgoingMessage(OutboxKinds.InvoiceIssued, "invoice:BIO:1", "{}", "application/json"), T0);
        await outbox.EnqueueAsync(Request("c"), T0 + Duration.FromSeconds(2));

        Assert.Empty(await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 - Duration.FromSeconds(1), 10));
        var first = await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 + Duration.FromSeconds(5), 2);
        Assert.Equal(["a", "b"], first.Select(m => m.Key));
        Assert.All(first, m => Assert.Equal(T0 + Duration.FromSeconds(5) + Duration.FromMinutes(1), m.NextAttemptAt));
        Assert.Equal(["c"], (await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 + Duration.FromSeconds(6), 10)).Select(m => m.Key));
        Assert.Empty(await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 + Duration.FromSeconds(7), 10));

        // A sender that claimed a and b died: after the lease they are due again.
        Assert.True(await outbox.MarkSentAsync(first[1].Id, T0 + Duration.FromSeconds(8)));
        Assert.Equal(["a"], (await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 + Duration.FromSeconds(5) + Duration.FromMinutes(1), 10)).Select(m => m.Key));
        Assert.Equal(["invoice:BIO:1"], (await outbox.DueAsync(OutboxKinds.InvoiceIssued, T0, 10)).Select(m => m.Key));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Two_concurrent_claimers_never_get_the_same_message(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        for (var i = 0; i < 60; i++)
        {
            await stores.Outbox.EnqueueAsync(Request($"m{i:D2}"), T0);
        }

        async Task<List<long>> ClaimAllAsync()
        {
            var ids = new List<long>();
            while (await stores.Outbox.DueAsync(OutboxKinds.MeterDataRequest, T0, 3) is { Count: > 0 } claimed)
            {
                ids.AddRange(claimed.Select(m => m.Id));
            }

            return ids;
        }

        var claims = await Task.WhenAll(Task.Run(ClaimAllAsync), Task.Run(ClaimAllAsync));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(60, claims[0].Count + claims[1].Count);
        Assert.Equal(
            (await stores.Outbox.ListAsync(OutboxState.Waiting, OutboxKinds.MeterDataRequest, 100)).Select(m => m.Id).Order(),
            claims.SelectMany(c => c).Order());
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Failed_attempts_back_off_5_then_10_seconds_and_the_third_gives_up(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var outbox = stores.Outbox;
        await outbox.EnqueueAsync(Request("k"), T0);
        var id = Assert.Single(await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0, 10)).Id;

        var t1 = T0 + Duration.FromSeconds(3);
        Assert.True(await outbox.MarkFailedAttemptAsync(id, "HTTP 503", t1));
        var afterFirst = Assert.Single(await outbox.ByKeyAsync("k"));
        Assert.Equal((OutboxState.Waiting, 1, t1 + Duration.FromSeconds(5), "HTTP 503"), (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt, afterFirst.LastError));
        Assert.Empty(await outbox.DueAsync(OutboxKinds.MeterDataRequest, t1 + Duration.FromSeconds(4), 10));
        Assert.Single(await outbox.DueAsync(OutboxKinds.MeterDataRequest, t1 + Duration.FromSeconds(5), 10));

        var t2 = t1 + Duration.FromSeconds(6);
        Assert.True(await outbox.MarkFailedAttemptAsync(id, "timeout", t2));
        Assert.Equal(t2 + Duration.FromSeconds(10), Assert.Single(await outbox.ByKeyAsync("k")).NextAttemptAt);

        Assert.True(await outbox.MarkFailedAttemptAsync(id, "HTTP 500", t2 + Duration.FromSeconds(10)));
        var failed = Assert.Single(await outbox.ByKeyAsync("k"));
        Assert.Equal((OutboxState.Failed, 3, "HTTP 500"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Empty(await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0 + Duration.FromDays(1), 10));
        Assert.False(await outbox.MarkFailedAttemptAsync(id, "again", T0 + Duration.FromDays(1)));
        Assert.False(await outbox.MarkSentAsync(id, T0 + Duration.FromDays(1)));
        Assert.Equal([failed], await outbox.ListAsync(OutboxState.Failed, null, 10));
        Assert.True(await outbox.EnqueueAsync(Request("k"), T0 + Duration.FromDays(1)));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task A_rejection_keeps_its_reason_and_listing_filters_by_state_and_kind_newest_first(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var outbox = stores.Outbox;
        await outbox.EnqueueAsync(Request("r1"), T0);
        await outbox.EnqueueAsync(Request("r2"), T0);
        await outbox.EnqueueAsync(new OutgoingMessage(OutboxKinds.InvoiceIssued, "invoice:BIO:1", "{}", "application/json"), T0);
        await outbox.EnqueueAsync(Request("r3"), T0);
        var sent = (await outbox.DueAsync(OutboxKinds.MeterDataRequest, T0, 1)).Single();
        await outbox.MarkSentAsync(sent.Id, T0);

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.RecordAnswerAsync("r1", accepted: false, " ", T0));
        Assert.True(await outbox.RecordAnswerAsync("r1", accepted: false, "E16: unknown metering point", T0 + Duration.FromHours(1)));
        Assert.True(await outbox.RecordAnswerAsync("r2", accepted: false, "D02: period outside the supply", T0 + Duration.FromHours(2)));
        Assert.False(await outbox.RecordAnswerAsync("r1", accepted: true, null, T0 + Duration.FromHours(3)));

        var rejected = await outbox.ListAsync(OutboxState.Rejected, OutboxKinds.MeterDataRequest, 10);
        Assert.Equal([("r2", "D02: period outside the supply"), ("r1", "E16: unknown metering point")], rejected.Select(m => (m.Key, m.RejectReason)));
        Assert.Equal(T0 + Duration.FromHours(1), rejected[1].AnsweredAt);
        Assert.Equal(["r3"], (await outbox.ListAsync(OutboxState.Waiting, OutboxKinds.MeterDataRequest, 10)).Select(m => m.Key));
        Assert.Equal(["invoice:BIO:1"], (await outbox.ListAsync(null, OutboxKinds.InvoiceIssued, 10)).Select(m => m.Key));
        var all = await outbox.ListAsync(null, null, 10);
        Assert.Equal(["r3", "invoice:BIO:1", "r2", "r1"], all.Select(m => m.Key));
        Assert.Equal(["r2", "r1"], (await outbox.ListAsync(null, null, 10, before: all[1].Id)).Select(m => m.Key));
        Assert.Equal(["r3"], (await outbox.ListAsync(null, null, 1)).Select(m => m.Key));
    }
}
