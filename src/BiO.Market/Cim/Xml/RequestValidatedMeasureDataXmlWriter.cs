using System.Text;
using System.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Cim.Xml;

/// <summary>Writes RSM-015 RequestValidatedMeasureData_MarketDocument as CIM XML (elements in the XSD's order).</summary>
public static class RequestValidatedMeasureDataXmlWriter
{
    public const string RootName = "RequestValidatedMeasureData_MarketDocument";
    public const string Namespace = "urn:ediel.org:measure:requestvalidatedmeasuredata:0:1";
    private const string Prefix = "cim";

    public static void Write(RequestValidatedMeasureData request, Stream xml)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var writer = XmlWriter.Create(xml, settings);
        Write(request, writer);
    }

    public static string ToXml(RequestValidatedMeasureData request)
    {
        using var stream = new MemoryStream();
        Write(request, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Write(RequestValidatedMeasureData request, XmlWriter writer)
    {
        var header = request.Header;
        writer.WriteStartDocument();
        writer.WriteStartElement(Prefix, RootName, Namespace);
        Element(writer, "mRID", header.DocumentId);
        Element(writer, "type", header.Type);
        Element(writer, "process.processType", header.Process.Code());
        if (header.BusinessSector is { } sector)
        {
            Element(writer, "businessSector.type", sector);
        }

        Party(writer, "sender_MarketParticipant", header.Sender);
        Party(writer, "receiver_MarketParticipant", header.Receiver);
        Element(writer, "createdDateTime", CimTime.ToSeconds(header.CreatedAt));
        foreach (var series in request.Series)
        {
            writer.WriteStartElement(Prefix, "Series", Namespace);
            Element(writer, "mRID", series.TransactionId);
            Element(writer, "start_DateAndOrTime.dateTime", CimTime.ToSeconds(series.Period.Start));
            Element(writer, "end_DateAndOrTime.dateTime", CimTime.ToSeconds(series.Period.End));
            Coded(writer, "marketEvaluationPoint.mRID", series.MeteringPoint.Value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void Party(XmlWriter writer, string prefix, MarketParticipant party)
    {
        Coded(writer, $"{prefix}.mRID", party.Id.Value);
        Element(writer, $"{prefix}.marketRole.type", party.Role);
    }

    private static void Coded(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(Prefix, name, Namespace);
        writer.WriteAttributeString("codingScheme", "A10");
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    private static void Element(XmlWriter writer, string name, string value) =>
        writer.WriteElementString(Prefix, name, Namespace, value);
}
