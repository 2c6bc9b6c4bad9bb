using System.Xml;
using BiO.Domain.MeteringPoints;
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

    private static readonly string[] RecordNames = ["mRID", "marketEvaluationPoint.mRID"];

    public static NotifyBillingMasterData Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static NotifyBillingMasterData Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static NotifyBillingMasterData ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyBillingMasterData.DocumentType, NotifyBillingMasterData.Processes);
        var fields = new ChargeLinkFields();
        var records = CimXml.ReadHeaderAndRecords(reader, Namespace, context, header, () => ReadRecord(reader, context, fields));
        return new NotifyBillingMasterData(header.Build(context), new ValueList<ChargeLinkRecord>([.. records]));
    }

    private static ChargeLinkRecord ReadRecord(XmlReader reader, ReadContext context, ChargeLinkFields fields)
    {
        var links = new List<LinkedCharge>();
        Gsrn? meteringPoint = null;
        var hasGroup = false;
        context.SeriesId = null;
        CimXml.ReadElement(reader, Namespace, context, RecordNames, (name, text) =>
        {
            if (name == "mRID")
            {
                context.SeriesId = HeaderFields.Required(text, context);
            }
            else
            {
                meteringPoint = Gsrn.TryParse(text, out var gsrn, out var error) ? gsrn : throw context.Error(error);
            }
        }, name =>
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

                CimXml.Enter(reader, context, member, links.Count);
                CimXml.ReadElement(reader, Namespace, context, ChargeLinkFields.Names, (field, text) => fields.Set(field, text, context));
                links.Add(fields.Build(context));
                context.Pop();
                return true;
            });
            context.Pop();
            return true;
        });
        var id = context.SeriesId ?? throw context.Missing("mRID");
        var point = meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID");
        if (!hasGroup || links.Count == 0)
        {
            throw context.Missing(hasGroup ? "ChargeGroup.ChargeType" : "ChargeGroup");
        }

        return new ChargeLinkRecord(id, point, new ValueList<LinkedCharge>([.. links]));
    }
}
