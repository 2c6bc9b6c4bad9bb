using System.Xml;
using BiO.Market.Charges;
using BiO.Market.Documents;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads NotifyBillingMasterData_MarketDocument (D07, process D17: charge links) from CIM XML in one pass with
/// <see cref="XmlReader"/>. Structure and values only: business rules are <see cref="ChargeLinkValidator"/>'s.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a missing required element, an unknown code or a
/// malformed value; the message names the document, the activity record, the line and position and the element path.</exception>
public static class BillingMasterDataXmlReader
{
    public const string RootName = "NotifyBillingMasterData_MarketDocument";
    public const string Namespace = "urn:ediel.org:structure:notifybillingmasterdata:0:1";

    public static NotifyBillingMasterData Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static NotifyBillingMasterData Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static NotifyBillingMasterData ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyBillingMasterData.DocumentType, NotifyBillingMasterData.Processes);
        var fields = new ChargeLinkRecordFields();
        var records = CimXml.ReadHeaderAndRecords(reader, Namespace, context, header, () => ReadRecord(reader, context, fields));
        return new NotifyBillingMasterData(header.Build(context), new ValueList<ChargeLinkRecord>([.. records]));
    }

    private static ChargeLinkRecord ReadRecord(XmlReader reader, ReadContext context, ChargeLinkRecordFields fields)
    {
        ChargeLinkRecordFields.Start(context);
        CimXml.ReadElement(reader, Namespace, context, ChargeLinkRecordFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            if (name != ChargeLinkRecordFields.Group)
            {
                return false;
            }

            fields.MarkGroup();
            CimXml.Enter(reader, context, name);
            CimXml.ReadElement(reader, Namespace, context, [], (_, _) => { }, member =>
            {
                if (member != ChargeLinkRecordFields.Links)
                {
                    return false;
                }

                CimXml.Enter(reader, context, member, fields.LinkCount);
                CimXml.ReadElement(reader, Namespace, context, ChargeLinkFields.Names, (field, text) => fields.Link.Set(field, text, context));
                fields.EndLink(context);
                context.Pop();
                return true;
            });
            context.Pop();
            return true;
        });
        return fields.Build(context);
    }
}
