using BiO.Demo.Writers;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;
using NodaTime;
using NodaTime.Text;

namespace BiO.Demo;

/// <summary>
/// DataHub's side of RSM-015 for a <see cref="DemoMonth"/>: asked for a metering point and period, it answers with
/// RSM-012 (process E30, JSON) carrying what the month held back in that period (per day with a gap, the whole day
/// with its true values; each series refers to the request series), and refuses with
/// RejectRequestValidatedMeasureData (ERR, XML) the request series it has nothing for: E10 for a metering point it
/// does not know, E0H (data not available) when nothing was held back. Deterministic: the same request, the same bytes.
/// </summary>
public sealed class SimulatedDataHub(DemoMonth month)
{
    /// <summary>The reason for a point not of this demo: metering point not identifiable.</summary>
    public const string UnknownPoint = "E10";

    /// <summary>The reason when nothing was held back: data not available.</summary>
    public const string NothingHeldBack = "E0H";

    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    /// <summary>Answers an RSM-015 request document (CIM XML or JSON by content type).</summary>
    /// <exception cref="Market.Cim.DocumentReadException">The request does not read.</exception>
    public IReadOnlyList<MarketDocument> Answer(string contentType, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream(body, writable: false);
        var request = contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? RequestDocumentsJsonReader.ReadRequest(stream)
            : RequestDocumentsXmlReader.ReadRequest(stream);
        return Answer(request);
    }

    /// <summary>
    /// Answers an RSM-015 request: an RSM-012 E30 document when anything was held back for any of its series, and an
    /// ERR document for the series with nothing; in that order, one of them at least.
    /// </summary>
    public IReadOnlyList<MarketDocument> Answer(RequestValidatedMeasureData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = month.Options;
        var answered = new List<MeterDataJsonWriter.Series>();
        var refused = new List<(MeasureDataRequestSeries, string, string)>();
        var created = request.Header.CreatedAt + Duration.FromMinutes(1);
        foreach (var series in request.Series)
        {
            if (DemoPoints.IndexOf(options.Seed, series.MeteringPoint, options.MeteringPoints) is not { } index)
            {
                refused.Add((series, UnknownPoint, $"Metering point {series.MeteringPoint} is not known."));
                continue;
            }

            var before = answered.Count;
            foreach (var day in month.HeldBack(month.Point(index), series.Period))
            {
                answered.Add(new MeterDataJsonWriter.Series($"{series.TransactionId}-{DayPattern.Format(day.Day.Date)}", day, created, series.TransactionId));
            }

            if (answered.Count == before)
            {
                refused.Add((series, NothingHeldBack, $"No further meter data for {series.MeteringPoint} in the requested period."));
            }
        }

        var documents = new List<MarketDocument>(2);
        var requester = request.Header.Sender.Id;
        if (answered.Count > 0)
        {
            var id = $"{request.Header.DocumentId}-E30";
            var header = new CimHeader(id, "E66", "E30", Gln.DataHub, "DGL", requester, "DDQ", created);
            documents.Add(new MarketDocument(DocumentKinds.MeterData, DocumentKinds.Json, MeterDataJsonWriter.Write(header, answered), id));
        }

        if (refused.Count > 0)
        {
            var id = $"{request.Header.DocumentId}-ERR";
            var header = new CimHeader(id, "ERR", "E23", Gln.DataHub, "DGL", requester, "DDQ", created);
            documents.Add(new MarketDocument(DocumentKinds.MeterDataReject, DocumentKinds.Xml, MeasureDataRejectWriter.Write(header, refused), id));
        }

        return documents;
    }
}
