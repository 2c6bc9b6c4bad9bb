using System.Text;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Measurements;
using BiO.Market.Requests;
using NodaTime;

namespace BiO.Demo.Tests;

public sealed class SimulatedDataHubTests
{
    private static readonly DemoMonth Month = new(Documents.Small);
    private static readonly Instant Now = Month.Utc.End + Duration.FromDays(3);

    private static RequestValidatedMeasureData Request(params (Gsrn Gsrn, Interval Period)[] asked) =>
        RequestValidatedMeasureData.Create("BIO-REQ-1", Documents.Small.Supplier,
            asked.Select((a, i) => new MeasureDataRequestSeries($"REQ-{i + 1}", a.Gsrn, a.Period)).ToList(), Now);

    private static byte[] Xml(RequestValidatedMeasureData request) => Encoding.UTF8.GetBytes(RequestValidatedMeasureDataXmlWriter.ToXml(request));

    [Fact]
    public void The_answer_fills_exactly_the_withheld_hours_and_days_and_reads_and_validates()
    {
        var gapped = Month.Points().Where(p => p.HasGaps).ToList();
        Assert.NotEmpty(gapped);
        var request = Request([.. gapped.Select(p => (p.Gsrn, Month.Utc))]);

        var answer = Assert.Single(new SimulatedDataHub(Month).Answer(DocumentKinds.Xml, Xml(request)));

        var document = Documents.MeterData(answer);
        Assert.Empty(MeasureDataValidator.Validate(document));
        Assert.Equal((ProcessType.HistoricalData, "DDQ", Documents.Small.Supplier), (document.Header.Process, document.Header.Receiver.Role, document.Header.Receiver.Id));
        var delivered = Documents.DeliveredSeries(Month);
        var withheld = Month.Withheld().ToList();
        var transactionOf = request.Series.ToDictionary(s => s.MeteringPoint, s => s.TransactionId);
        Assert.Equal(withheld.Select(w => (w.MeteringPoint.Value, w.Day)).Distinct().Order().ToList(),
            document.Series.Select(s => (s.MeteringPoint.Value, BillingTime.DayOf(s.Period.TimeInterval.Start))).Order().ToList());
        foreach (var series in document.Series)
        {
            Assert.Equal(transactionOf[series.MeteringPoint], series.OriginalTransactionId);
            var dayStart = series.Period.TimeInterval.Start;
            var step = series.Period.Resolution.FixedLength!.Value;
            delivered.TryGetValue((series.MeteringPoint.Value, dayStart), out var first);
            foreach (var point in series.Period.Points)
            {
                Assert.NotNull(point.Quantity);
                var start = dayStart + (step * (point.Position - 1));
                var held = withheld.Any(w => w.MeteringPoint == series.MeteringPoint && w.Utc.Contains(start));
                var before = first?.Period.Points.Single(p => p.Position == point.Position);
                Assert.Equal(held, before is null || before.Value.Quality == Quality.NotAvailable);
                if (!held)
                {
                    Assert.Equal(before!.Value, point);
                }
            }
        }
    }

    [Fact]
    public void Points_with_nothing_held_back_and_unknown_points_are_refused_with_reasons()
    {
        var complete = Month.Points().First(p => !p.HasGaps && p.SupplyStart < Month.Options.Month.OnDayOfMonth(1));
        var unknown = DemoPoints.GsrnOf(Documents.Small.Seed, Documents.Small.MeteringPoints + 5);
        var gapped = Month.Points().First(p => p.HasGaps);
        var request = Request((complete.Gsrn, Month.Utc), (unknown, Month.Utc), (gapped.Gsrn, Month.Utc));

        var answers = new SimulatedDataHub(Month).Answer(request);

        Assert.Equal([DocumentKinds.MeterData, DocumentKinds.MeterDataReject], answers.Select(a => a.Kind));
        Assert.All(Documents.MeterData(answers[0]).Series, s => Assert.Equal(gapped.Gsrn, s.MeteringPoint));
        var reject = RequestDocumentsXmlReader.ReadReject(Documents.Stream(answers[1]));
        Assert.Equal(("ERR", "A02"), (reject.Header.Type, reject.ReasonCode));
        Assert.Equal(
            [("REQ-1", (Gsrn?)complete.Gsrn, SimulatedDataHub.NothingHeldBack), ("REQ-2", unknown, SimulatedDataHub.UnknownPoint)],
            reject.Series.Select(s => (s.OriginalTransactionId, s.MeteringPoint, Assert.Single(s.Reasons).Code)));
    }

    [Fact]
    public void A_request_for_days_without_a_gap_is_refused_alone()
    {
        var gapped = Month.Points().First(p => p.HasGaps);
        var gapDays = Month.Withheld(gapped).Select(w => w.Day).ToHashSet();
        var quiet = GapTests.SuppliedDays(Month, gapped).First(d => !gapDays.Contains(d));

        var answer = Assert.Single(new SimulatedDataHub(Month).Answer(Request((gapped.Gsrn, BillingTime.Day(quiet)))));

        Assert.Equal(DocumentKinds.MeterDataReject, answer.Kind);
    }

    [Fact]
    public void Json_and_xml_requests_get_the_same_answer_bytes()
    {
        var gapped = Month.Points().First(p => p.HasGaps);
        var request = Request((gapped.Gsrn, Month.Utc));
        var hub = new SimulatedDataHub(Month);

        var fromXml = hub.Answer(DocumentKinds.Xml, Xml(request));
        var fromJson = hub.Answer(DocumentKinds.Json, Encoding.UTF8.GetBytes(RequestValidatedMeasureDataJsonWriter.ToJson(request)));

        Assert.Equal(fromXml.Select(d => d.Body), fromJson.Select(d => d.Body));
    }
}
