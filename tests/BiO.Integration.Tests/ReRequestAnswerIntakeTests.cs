using System.Net;
using System.Text;
using BiO.Domain.Time;
using BiO.MarketIntake.ReRequests;
using BiO.Persistence.Outbox;
using BiO.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BiO.Integration.Tests;

/// <summary>DataHub's answers to re-requests taken in by the intake (CIM JSON): E30 answers them, the reject rejects them with its reasons.</summary>
[Trait("Category", "Integration")]
public class ReRequestAnswerIntakeTests
{
    private const string Answered = "571313000000007201";
    private const string Refused = "571313000000007202";
    private const string Unrequested = "571313000000007203";
    private static readonly Interval Day = BillingTime.Day(new LocalDate(2026, 3, 2));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string E30(string documentId, params (string Gsrn, string SeriesId, string Reference)[] series) =>
        series.Aggregate(
            Rsm012.Json(documentId, series.Select(s => new Rsm012.Series(s.SeriesId, s.Gsrn, Day.Start, Day.End, Enumerable.Repeat((decimal?)0.25m, 96).ToList())).ToArray())
                .Replace("\"process.processType\":{\"value\":\"E23\"}", "\"process.processType\":{\"value\":\"E30\"}", StringComparison.Ordinal),
            (json, s) => json.Replace($"\"mRID\":\"{s.SeriesId}\",", $"\"mRID\":\"{s.SeriesId}\",\"originalTransactionIDReference_Series.mRID\":\"{s.Reference}\",", StringComparison.Ordinal));

    private static string Reject(string documentId, params (string SeriesId, string Reference)[] series) => $$$"""
        {"RejectRequestValidatedMeasureData_MarketDocument": {
          "mRID": "{{{documentId}}}", "businessSector.type": {"value": "23"}, "createdDateTime": "2026-03-04T06:00:00Z",
          "process.processType": {"value": "E23"}, "reason.code": {"value": "A02"},
          "receiver_MarketParticipant.mRID": {"codingScheme": "A10", "value": "5790002000001"}, "receiver_MarketParticipant.marketRole.type": {"value": "DDQ"},
          "sender_MarketParticipant.mRID": {"codingScheme": "A10", "value": "5790001330552"}, "sender_MarketParticipant.marketRole.type": {"value": "DGL"},
          "type": {"value": "ERR"},
          "Series": [{{{string.Join(",", series.Select(s => $$$"""
            {"mRID": "{{{s.SeriesId}}}", "marketEvaluationPoint.mRID": {"codingScheme": "A10", "value": "{{{Refused}}}"},
             "originalTransactionIDReference_Series.mRID": "{{{s.Reference}}}",
             "Reason": [{"code": {"value": "E0H"}, "text": "Data not available"}, {"code": {"value": "D18"}}]}
            """))}}}]
        }}
        """;

    [Fact]
    public async Task E30_answers_its_requests_the_reject_rejects_them_with_the_reasons_and_unknown_references_are_only_logged()
    {
        await using var silo = await Host.SiloAsync(new Dictionary<string, string?> { ["BiO:ClusterId"] = "answers-" + Guid.NewGuid().ToString("N")[..8] });
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        var requests = silo.App.Services.GetRequiredService<IMeterDataRequests>();
        var outbox = silo.App.Services.GetRequiredService<IOutbox>();
        var now = SystemClock.Instance.GetCurrentInstant();
        await requests.RequestAsync(Answered, [Day], now);
        await requests.RequestAsync(Refused, [Day], now);
        var ids = (await outbox.ListAsync(null, OutboxKinds.MeterDataRequest, 10)).ToDictionary(m => MeterDataRequest.FromJson(m.Payload).Gsrn.Value, m => m.Id);
        async Task<OutboxState> StateAsync(string gsrn) => Assert.Single(await requests.ForPointAsync(gsrn)).State;

        var e30 = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Json(E30("E30-1",
            (Answered, "A-1", MeterDataTransactions.Of(ids[Answered])),
            (Unrequested, "A-2", MeterDataTransactions.Of(999_999)))));
        Assert.Equal(HttpStatusCode.Accepted, e30.StatusCode);
        Assert.Equal(OutboxState.Answered, await StateAsync(Answered));
        Assert.Equal(OutboxState.Waiting, await StateAsync(Refused));

        var reject = Reject("ERR-1", ("R-1", MeterDataTransactions.Of(ids[Refused])), ("R-2", "REQ-of-someone-else"));
        var rejected = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Json(reject));
        Assert.Equal(HttpStatusCode.Accepted, rejected.StatusCode);
        Assert.Contains("\"transactions\":2", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = Assert.Single(await requests.ForPointAsync(Refused));
        Assert.Equal((OutboxState.Rejected, "E0H: Data not available; D18"), (view.State, view.RejectReason));

        // The same reject again is a duplicate; the answered request is not touched by a late reject of it.
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Json(reject))).StatusCode);
        var late = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), Json(Reject("ERR-2", ("R-3", MeterDataTransactions.Of(ids[Answered])))));
        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        Assert.Equal(OutboxState.Answered, await StateAsync(Answered));
    }
}
