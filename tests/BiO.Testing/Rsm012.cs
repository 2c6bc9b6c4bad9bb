using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace BiO.Testing;

/// <summary>Our own RSM-012 NotifyValidatedMeasureData documents (CIM JSON and XML) for the end-to-end tests.</summary>
public static class Rsm012
{
    public sealed record Series(string SeriesId, string Gsrn, Instant Start, Instant End, IReadOnlyList<decimal?> Quantities);

    private static string Time(Instant instant) => InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm'Z'").Format(instant);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Json(string documentId, params Series[] series)
    {
        var json = new StringBuilder();
        json.Append("{\"NotifyValidatedMeasureData_MarketDocument\":{")
            .Append($"\"mRID\":\"{documentId}\",\"businessSector.type\":{{\"value\":\"23\"}},\"createdDateTime\":\"2026-03-03T04:00:00Z\",")
            .Append("\"process.processType\":{\"value\":\"E23\"},")
            .Append("\"receiver_MarketParticipant.mRID\":{\"codingScheme\":\"A10\",\"value\":\"5790001330583\"},\"receiver_MarketParticipant.marketRole.type\":{\"value\":\"DDQ\"},")
            .Append("\"sender_MarketParticipant.mRID\":{\"codingScheme\":\"A10\",\"value\":\"5790001330552\"},\"sender_MarketParticipant.marketRole.type\":{\"value\":\"DGL\"},")
            .Append("\"type\":{\"value\":\"E66\"},\"Series\":[");
        json.Append(string.Join(",", series.Select(s =>
        {
            var points = string.Join(",", s.Quantities.Select((q, i) => q is { } quantity
                ? $"{{\"position\":{{\"value\":{i + 1}}},\"quantity\":{Number(quantity)}}}"
                : $"{{\"position\":{{\"value\":{i + 1}}},\"quality\":{{\"value\":\"A02\"}}}}"));
            return $"{{\"mRID\":\"{s.SeriesId}\",\"marketEvaluationPoint.mRID\":{{\"codingScheme\":\"A10\",\"value\":\"{s.Gsrn}\"}},"
                + "\"marketEvaluationPoint.type\":{\"value\":\"E17\"},\"product\":\"8716867000030\",\"quantity_Measure_Unit.name\":{\"value\":\"KWH\"},"
                + "\"registration_DateAndOrTime.dateTime\":\"2026-03-03T03:00:00Z\","
                + $"\"Period\":{{\"resolution\":\"PT15M\",\"timeInterval\":{{\"start\":{{\"value\":\"{Time(s.Start)}\"}},\"end\":{{\"value\":\"{Time(s.End)}\"}}}},\"Point\":[{points}]}}}}";
        })));
        return json.Append("]}}").ToString();
    }

    public static string Xml(string documentId, params Series[] series)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cim:NotifyValidatedMeasureData_MarketDocument xmlns:cim=\"urn:ediel.org:measure:notifyvalidatedmeasuredata:0:1\">\n")
            .Append($"<cim:mRID>{documentId}</cim:mRID><cim:type>E66</cim:type><cim:process.processType>E23</cim:process.processType><cim:businessSector.type>23</cim:businessSector.type>\n")
            .Append("<cim:sender_MarketParticipant.mRID codingScheme=\"A10\">5790001330552</cim:sender_MarketParticipant.mRID><cim:sender_MarketParticipant.marketRole.type>DGL</cim:sender_MarketParticipant.marketRole.type>\n")
            .Append("<cim:receiver_MarketParticipant.mRID codingScheme=\"A10\">5790001330583</cim:receiver_MarketParticipant.mRID><cim:receiver_MarketParticipant.marketRole.type>DDQ</cim:receiver_MarketParticipant.marketRole.type>\n")
            .Append("<cim:createdDateTime>2026-03-03T04:00:00Z</cim:createdDateTime>\n");
        foreach (var s in series)
        {
            xml.Append($"<cim:Series><cim:mRID>{s.SeriesId}</cim:mRID><cim:marketEvaluationPoint.mRID codingScheme=\"A10\">{s.Gsrn}</cim:marketEvaluationPoint.mRID>")
                .Append("<cim:marketEvaluationPoint.type>E17</cim:marketEvaluationPoint.type><cim:registration_DateAndOrTime.dateTime>2026-03-03T03:00:00Z</cim:registration_DateAndOrTime.dateTime>")
                .Append("<cim:product>8716867000030</cim:product><cim:quantity_Measure_Unit.name>KWH</cim:quantity_Measure_Unit.name>\n")
                .Append($"<cim:Period><cim:resolution>PT15M</cim:resolution><cim:timeInterval><cim:start>{Time(s.Start)}</cim:start><cim:end>{Time(s.End)}</cim:end></cim:timeInterval>\n");
            for (var i = 0; i < s.Quantities.Count; i++)
            {
                xml.Append(s.Quantities[i] is { } q
                    ? $"<cim:Point><cim:position>{i + 1}</cim:position><cim:quantity>{Number(q)}</cim:quantity></cim:Point>\n"
                    : $"<cim:Point><cim:position>{i + 1}</cim:position><cim:quality>A02</cim:quality></cim:Point>\n");
            }

            xml.Append("</cim:Period></cim:Series>\n");
        }

        return xml.Append("</cim:NotifyValidatedMeasureData_MarketDocument>\n").ToString();
    }
}
