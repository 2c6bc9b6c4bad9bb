using System.Xml;
using BiO.Market.Documents;
using BiO.Market.Wholesale;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads RSM-019 NotifyWholesaleServices_MarketDocument (E31; processes D05 and D32) from CIM XML in one pass with
/// <see cref="XmlReader"/>, to the same records as <see cref="Json.WholesaleServicesJsonReader"/>.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a missing required element, an unknown code or a malformed
/// value; the message names the document, the series, the line and position and the element path.</exception>
public static class WholesaleServicesXmlReader
{
    public const string RootName = "NotifyWholesaleServices_MarketDocument";
    public const string Namespace = "urn:ediel.org:measure:notifywholesaleservices:0:1";

    public static NotifyWholesaleServices Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static NotifyWholesaleServices Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static NotifyWholesaleServices ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyWholesaleServices.DocumentType, NotifyWholesaleServices.Processes);
        var fields = new WholesaleSeriesFields();
        var series = new List<PendingSeries>();
        CimXml.ReadElement(reader, Namespace, context, HeaderFields.Names, (name, text) => header.Set(name, text, context), name =>
        {
            if (name != "Series")
            {
                return false;
            }

            CimXml.Enter(reader, context, name, series.Count);
            series.Add(ReadSeries(reader, context, fields));
            context.Pop();
            return true;
        });
        context.SeriesId = null;
        var built = header.Build(context);
        return new NotifyWholesaleServices(built, WholesaleSeriesFields.Resolve(built.Process, series, context));
    }

    private static PendingSeries ReadSeries(XmlReader reader, ReadContext context, WholesaleSeriesFields fields)
    {
        WholesaleSeriesFields.Begin(context);
        CimXml.ReadElement(reader, Namespace, context, WholesaleSeriesFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            if (name != "Period")
            {
                return false;
            }

            CimXml.Enter(reader, context, name);
            fields.MarkPeriod();
            ReadPeriod(reader, context, fields);
            context.Pop();
            return true;
        });
        return fields.Build(context);
    }

    private static void ReadPeriod(XmlReader reader, ReadContext context, WholesaleSeriesFields fields)
    {
        var points = 0;
        CimXml.ReadElement(reader, Namespace, context, WholesaleSeriesFields.PeriodNames, (_, text) => fields.SetResolution(text, context), name =>
        {
            if (name == "timeInterval")
            {
                CimXml.Enter(reader, context, name);
                CimXml.ReadElement(reader, Namespace, context, WholesaleSeriesFields.IntervalNames, (field, text) => fields.SetInterval(field, text, context));
                fields.CheckTimeInterval(context);
                context.Pop();
                return true;
            }

            if (name == "Point")
            {
                CimXml.Enter(reader, context, name, points++);
                CimXml.ReadElement(reader, Namespace, context, WholesaleSeriesFields.PointNames, (field, text) => fields.SetPoint(field, text, context));
                fields.EndPoint(context);
                context.Pop();
                return true;
            }

            return false;
        });
    }
}
