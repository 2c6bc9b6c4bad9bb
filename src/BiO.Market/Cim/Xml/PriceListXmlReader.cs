using System.Xml;
using BiO.Market.Charges;
using BiO.Market.Documents;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads NotifyPriceList_MarketDocument (D12; processes D18 and D08) from CIM XML in one pass with
/// <see cref="XmlReader"/>, to the same records as <see cref="Json.PriceListJsonReader"/>.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a missing required element, an unknown code or a
/// malformed value; the message names the document, the activity record, the line and position and the element path.</exception>
public static class PriceListXmlReader
{
    public const string RootName = "NotifyPriceList_MarketDocument";
    public const string Namespace = "urn:ediel.org:structure:notifypricelist:0:1";

    private static readonly string[] RecordNames = ["mRID"];

    public static NotifyPriceList Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static NotifyPriceList Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static NotifyPriceList ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyPriceList.DocumentType, NotifyPriceList.Processes);
        var fields = new ChargeTypeFields();
        var records = CimXml.ReadHeaderAndRecords(reader, Namespace, context, header, () => ReadRecord(reader, context, fields));
        return new NotifyPriceList(header.Build(context), new ValueList<PriceListRecord>([.. records]));
    }

    private static PriceListRecord ReadRecord(XmlReader reader, ReadContext context, ChargeTypeFields fields)
    {
        var charges = new List<ChargeInformation>();
        var hasGroup = false;
        context.SeriesId = null;
        CimXml.ReadElement(reader, Namespace, context, RecordNames, (_, text) => context.SeriesId = HeaderFields.Required(text, context), name =>
        {
            if (name != "ChargeGroup")
            {
                return false;
            }

            hasGroup = true;
            CimXml.Enter(reader, context, name);
            CimXml.ReadElement(reader, Namespace, context, [], (_, _) => { }, member =>
            {
                if (member != "ChargeType")
                {
                    return false;
                }

                CimXml.Enter(reader, context, member, charges.Count);
                charges.Add(ReadCharge(reader, context, fields));
                context.Pop();
                return true;
            });
            context.Pop();
            return true;
        });
        var id = context.SeriesId ?? throw context.Missing("mRID");
        if (!hasGroup || charges.Count == 0)
        {
            throw context.Missing(hasGroup ? "ChargeGroup.ChargeType" : "ChargeGroup");
        }

        return new PriceListRecord(id, new ValueList<ChargeInformation>([.. charges]));
    }

    private static ChargeInformation ReadCharge(XmlReader reader, ReadContext context, ChargeTypeFields fields)
    {
        var index = 0;
        CimXml.ReadElement(reader, Namespace, context, ChargeTypeFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            if (name != "Series_Period")
            {
                return false;
            }

            CimXml.Enter(reader, context, name, index++);
            ReadSeries(reader, context, fields);
            context.Pop();
            return true;
        });
        return fields.Build(context);
    }

    private static void ReadSeries(XmlReader reader, ReadContext context, ChargeTypeFields fields)
    {
        var series = fields.Series;
        var points = 0;
        CimXml.ReadElement(reader, Namespace, context, PriceSeriesFields.Names, (name, text) => series.Set(name, text, context), name =>
        {
            if (name == "timeInterval")
            {
                CimXml.Enter(reader, context, name);
                CimXml.ReadElement(reader, Namespace, context, PriceSeriesFields.IntervalNames, (field, text) => series.SetInterval(field, text, context));
                series.CheckTimeInterval(context);
                context.Pop();
                return true;
            }

            if (name == "Point")
            {
                CimXml.Enter(reader, context, name, points++);
                CimXml.ReadElement(reader, Namespace, context, PriceSeriesFields.PointNames, (field, text) => series.SetPoint(field, text, context));
                series.EndPoint(context);
                context.Pop();
                return true;
            }

            return false;
        });
        fields.EndSeries(context);
    }
}
