using System.Net;
using System.Text;
using BiO.Domain.Time;
using BiO.Market.Cim.Json;
using BiO.MarketIntake.ReRequests;
using BiO.Persistence.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using static BiO.Integration.Tests.InvoicingStores;

namespace BiO.Integration.Tests;

/// <summary><see cref="MeterDataRequestSender"/>: due requests as one RSM-015 through a channel, marked sent, or retried after the back-off.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class MeterDataRequestSenderTests(Services services)
{
    private const string First = "571313000000007101";
    private const string Second = "571313000000007102";
    private const string Supplier = "5790002000001";
    private static readonly Instant T0 = Instant.FromUtc(2026, 2, 3, 9, 0);
    private static readonly Interval January10 = BillingTime.Day(new LocalDate(2026, 1, 10));
    private static readonly Interval January11 = BillingTime.Day(new LocalDate(2026, 1, 11));

    private static MeterDataRequestSender Sender(IOutbox outbox, IDataHubChannel channel, TestClock clock) =>
        new(outbox, channel, Options.Create(new DataHubOptions { Supplier = Supplier }), clock, NullLogger<MeterDataRequestSender>.Instance);

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task Due_requests_go_as_one_document_with_a_series_each_and_are_marked_sent(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        var requests = new MeterDataRequests(stores.Outbox);
        await requests.RequestAsync(First, [January10, January11], T0);
        await requests.RequestAsync(Second, [January11], T0);
        var channel = new RecordingChannel();
        var clock = new TestClock(T0 + Duration.FromSeconds(1));

        Assert.Equal(3, await Sender(stores.Outbox, channel, clock).SendDueAsync());
        Assert.Equal(0, await Sender(stores.Outbox, channel, clock).SendDueAsync());

        var (contentType, body) = Assert.Single(channel.Sent);
        Assert.Equal("application/json", contentType);
        var document = RequestDocumentsJsonReader.ReadRequest(Encoding.UTF8.GetString(body));
        Assert.Equal((Supplier, "DDQ", "E73"), (document.Header.Sender.Id.Value, document.Header.Sender.Role, document.Header.Type));
        var messages = (await stores.Outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10)).OrderBy(m => m.Id).ToList();
        Assert.Equal(
            messages.Select(m => (MeterDataTransactions.Of(m.Id), MeterDataRequest.FromJson(m.Payload).Gsrn.Value, MeterDataRequest.FromJson(m.Payload).Period)),
            document.Series.Select(s => (s.TransactionId, s.MeteringPoint.Value, s.Period)));
        Assert.Equal([(First, January10), (First, January11), (Second, January11)], document.Series.Select(s => (s.MeteringPoint.Value, s.Period)));
        Assert.All(messages, m => Assert.Equal((OutboxState.Sent, 1, (Instant?)clock.Now), (m.State, m.Attempts, m.SentAt)));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(InvoicingStores))]
    public async Task A_channel_that_throws_leaves_the_requests_waiting_for_the_back_off_then_they_are_sent(string kind)
    {
        await using var stores = await CreateAsync(services, kind);
        await new MeterDataRequests(stores.Outbox).RequestAsync(First, [January10], T0);
        var channel = new RecordingChannel { Failure = new HttpRequestException("DataHub is down") };
        var clock = new TestClock(T0);

        Assert.Equal(0, await Sender(stores.Outbox, channel, clock).SendDueAsync());
        var waiting = Assert.Single(await stores.Outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10));
        Assert.Equal((OutboxState.Waiting, 1, T0 + Policy.BackOff(1)), (waiting.State, waiting.Attempts, waiting.NextAttemptAt));
        Assert.Contains("DataHub is down", waiting.LastError, StringComparison.Ordinal);

        channel.Failure = null;
        clock.Now = T0 + Policy.BackOff(1) - Duration.FromSeconds(1);
        Assert.Equal(0, await Sender(stores.Outbox, channel, clock).SendDueAsync());
        Assert.Empty(channel.Sent);

        clock.Now = T0 + Policy.BackOff(1);
        Assert.Equal(1, await Sender(stores.Outbox, channel, clock).SendDueAsync());
        var sent = Assert.Single(await stores.Outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10));
        Assert.Equal((OutboxState.Sent, 2), (sent.State, sent.Attempts));
        Assert.Single(channel.Sent);
    }

    [Fact]
    public async Task A_day_not_over_yet_waits_on_its_own_while_the_others_are_sent()
    {
        var outbox = new InMemoryOutbox(Policy);
        var today = BillingTime.Day(BillingTime.DayOf(T0));
        await new MeterDataRequests(outbox).RequestAsync(First, [January10, BillingTime.Day(BillingTime.DayOf(T0).PlusDays(1))], T0);
        await new MeterDataRequests(outbox).RequestAsync(Second, [today], T0);
        var channel = new RecordingChannel();

        Assert.Equal(2, await Sender(outbox, channel, new TestClock(T0)).SendDueAsync());

        var tomorrow = (await outbox.ListAsync(OutboxState.Waiting, OutboxKinds.MeterDataRequest, 10)).Single();
        Assert.Equal(1, tomorrow.Attempts);
        Assert.Contains("after today", tomorrow.LastError, StringComparison.Ordinal);
        Assert.Equal(2, RequestDocumentsJsonReader.ReadRequest(Encoding.UTF8.GetString(Assert.Single(channel.Sent).Body)).Series.Count);
    }

    [Fact]
    public async Task The_HTTP_channel_posts_the_document_and_a_refusing_server_is_a_failed_attempt()
    {
        var received = new List<(string? ContentType, string Body)>();
        var status = HttpStatusCode.Accepted;
        var url = $"http://127.0.0.1:{Host.FreePort()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        await using var server = builder.Build();
        server.MapPost("/datahub/requests", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Add((request.ContentType, await reader.ReadToEndAsync()));
            return Results.StatusCode((int)status);
        });
        await server.StartAsync();
        using var http = new HttpClient();
        var channel = new HttpDataHubChannel(http, new Uri(url + "/datahub/requests"));
        var outbox = new InMemoryOutbox(Policy);
        await new MeterDataRequests(outbox).RequestAsync(First, [January10], T0);

        status = HttpStatusCode.ServiceUnavailable;
        Assert.Equal(0, await Sender(outbox, channel, new TestClock(T0)).SendDueAsync());
        var failed = Assert.Single(await outbox.ListAsync(OutboxState.Waiting, null, 10));
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);

        status = HttpStatusCode.Accepted;
        Assert.Equal(1, await Sender(outbox, channel, new TestClock(T0 + Policy.BackOff(1))).SendDueAsync());
        Assert.Single(await outbox.ListAsync(OutboxState.Sent, null, 10));
        Assert.Equal(2, received.Count);
        Assert.Equal("application/json", received[1].ContentType);
        var series = Assert.Single(RequestDocumentsJsonReader.ReadRequest(received[1].Body).Series);
        Assert.Equal((First, January10, MeterDataTransactions.Of(failed.Id)), (series.MeteringPoint.Value, series.Period, series.TransactionId));
        await server.StopAsync();
    }

    private sealed class RecordingChannel : IDataHubChannel
    {
        public List<(string ContentType, byte[] Body)> Sent { get; } = [];

        public Exception? Failure { get; set; }

        public Task SendAsync(string contentType, byte[] body, CancellationToken cancellationToken)
        {
            if (Failure is { } failure)
            {
                throw failure;
            }

            Sent.Add((contentType, body));
            return Task.CompletedTask;
        }
    }
}

/// <summary>A clock the test sets.</summary>
public sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
