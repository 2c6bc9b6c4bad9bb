using System.Net;
using BiO.Demo;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>
/// The whole RSM-015 loop on the embedded silo, with the simulated DataHub of a demo month: a day with a withheld hour
/// is asked for, DataHub's E30 answer fills the gap and answers the request; a day DataHub has nothing more for is
/// rejected with its reason.
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class ReRequestLoopTests(Services services)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Stores() => ["memory", "postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_withheld_hour_is_asked_for_answered_with_E30_and_a_day_without_gaps_is_rejected_with_the_reason(string store)
    {
        var (month, gap, gapless) = DemoWithAPartialGap();
        var settings = new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "rerequest-" + Guid.NewGuid().ToString("N")[..8],
            ["BiO:DataHub:SendPeriod"] = "00:00:00.200",
            ["BiO:DataHub:Simulation:Seed"] = month.Options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BiO:DataHub:Simulation:MeteringPoints"] = month.Options.MeteringPoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BiO:DataHub:Simulation:Month"] = month.Options.Month.ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["BiO:DataHub:Simulation:MissingShare"] = "0.5",
            ["BiO:DataHub:Simulation:MidMonthStartShare"] = "0",
            ["BiO:DataHub:Simulation:AnswerDelay"] = "00:00:00.100",
        };
        foreach (var (area, priceArea) in month.Options.GridAreaPriceAreas)
        {
            settings[$"BiO:MarketIntake:GridAreaPriceAreas:{area}"] = priceArea;
        }

        if (store == "postgres")
        {
            settings["ConnectionStrings:Postgres"] = services.NewDatabase("rerequest");
        }

        await using var silo = await Host.SiloAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        foreach (var document in month.Documents())
        {
            using var content = new ByteArrayContent(document.Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(document.ContentType);
            var response = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{document.DocumentId}: {await response.Content.ReadAsStringAsync()}");
        }

        var day = BillingTime.Day(gap.Day);
        var withheld = month.Withheld(month.Points().Single(p => p.Gsrn == gap.MeteringPoint)).Where(w => w.Day == gap.Day).Select(w => w.Utc).ToList();
        var point = silo.Client.GetGrain<IMeteringPointGrain>(gap.MeteringPoint.Value);
        var farFuture = Instant.FromUtc(2100, 1, 1, 0, 0);
        await Eventually.AssertAsync(async () => (await point.GetMeterDataAsync(new MeterDataQuery(day, farFuture))).Missing.SequenceEqual(withheld),
            Patience, $"{gap.MeteringPoint} should miss the withheld hours of {gap.Day}");

        var requests = silo.App.Services.GetRequiredService<IMeterDataRequests>();
        var now = SystemClock.Instance.GetCurrentInstant();
        Assert.Equal(1, await requests.RequestAsync(gap.MeteringPoint.Value, [day], now));
        var otherDay = BillingTime.Day(month.Options.Month.OnDayOfMonth(10));
        Assert.Equal(1, await requests.RequestAsync(gapless.Value, [otherDay], now));

        await Eventually.AssertAsync(async () => (await requests.ForPointAsync(gap.MeteringPoint.Value)) is [{ State: OutboxState.Answered }],
            Patience, "the E30 answer should answer the request");
        var answered = Assert.Single(await requests.ForPointAsync(gap.MeteringPoint.Value));
        Assert.Equal((day, 1, (string?)null), (answered.Period, answered.Attempts, answered.RejectReason));
        await Eventually.AssertAsync(async () => (await point.GetMeterDataAsync(new MeterDataQuery(day, farFuture))) is { Missing: [], Total: not null },
            Patience, "the E30 answer's meter data should fill the gap");

        await Eventually.AssertAsync(async () => (await requests.ForPointAsync(gapless.Value)) is [{ State: OutboxState.Rejected }],
            Patience, "DataHub's reject should reject the request for a day it has nothing more for");
        var rejected = Assert.Single(await requests.ForPointAsync(gapless.Value));
        Assert.StartsWith(SimulatedDataHub.NothingHeldBack + ": ", rejected.RejectReason, StringComparison.Ordinal);
        Assert.Equal(otherDay, rejected.Period);

        // Asked again after the answer: a new request (the old one stays answered).
        Assert.Equal(1, await requests.RequestAsync(gap.MeteringPoint.Value, [day], SystemClock.Instance.GetCurrentInstant()));
    }

    /// <summary>
    /// The previous month (so its days are over) with 12 points, half with gaps: the first seed giving a point with a
    /// withheld run of hours (not a whole day) and a point without gaps.
    /// </summary>
    private static (DemoMonth Month, WithheldPeriod Gap, Domain.MeteringPoints.Gsrn Gapless) DemoWithAPartialGap()
    {
        var previous = BillingTime.MonthOf(SystemClock.Instance.GetCurrentInstant()).PlusMonths(-1);
        for (var seed = 1; ; seed++)
        {
            var month = new DemoMonth(new DemoOptions { Seed = seed, MeteringPoints = 12, Month = previous, MissingShare = 0.5, MidMonthStartShare = 0 });
            var withheld = month.Withheld().ToList();
            var partial = withheld.FirstOrDefault(w => !w.WholeDay && !withheld.Any(o => o.MeteringPoint == w.MeteringPoint && o.Day == w.Day && o.WholeDay));
            var gapless = month.Points().FirstOrDefault(p => !p.HasGaps);
            if (partial is not null && gapless is not null)
            {
                return (month, partial, gapless.Gsrn);
            }
        }
    }
}
