using System.Text.Json;
using BiO.Market.Charges;
using BiO.Market.Documents;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads NotifyBillingMasterData_MarketDocument (D07, process D17: charge links) from CIM JSON in one pass with
/// <see cref="Utf8JsonReader"/>, to the same records as <see cref="Xml.BillingMasterDataXmlReader"/>. Structure
/// and values only: business rules are <see cref="ChargeLinkValidator"/>'s.
/// <para>
/// DataHub publishes no JSON schema for this document. The shape read is the CIM JSON convention of the documents
/// it has schemas for (and of its NotifyPriceList JSON): root member <c>NotifyBillingMasterData_MarketDocument</c>,
/// the XML element names as member names, repeated elements (<c>MktActivityRecord</c>, <c>ChargeType</c>) as
/// arrays, <c>ChargeGroup</c> as an object, codes as <c>{ "value": "D03" }</c> with a <c>codingScheme</c> beside
/// the value where the XML has the attribute (<c>{ "codingScheme": "A10", "value": "5790000610976" }</c>), the
/// factor as a number. Plain strings are taken where an object is expected, and the other way round.
/// </para>
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a wrong root, a missing required member, an unknown
/// code or a malformed value; the message names the document, the activity record and the JSON path.</exception>
public static class BillingMasterDataJsonReader
{
    public const string RootName = "NotifyBillingMasterData_MarketDocument";

    public static NotifyBillingMasterData Read(Stream utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    public static NotifyBillingMasterData Read(string json) => CimJson.Read(json, RootName, ReadDocument);

    private static NotifyBillingMasterData ReadDocument(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyBillingMasterData.DocumentType, NotifyBillingMasterData.Processes);
        var fields = new ChargeLinkRecordFields();
        var records = new List<ChargeLinkRecord>();
        CimJson.ReadObject(ref reader, context, HeaderFields.Names, (name, text) => header.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "MktActivityRecord")
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) => records.Add(ReadRecord(ref e, ec, fields)));
                return true;
            });
        return new NotifyBillingMasterData(header.Build(context), new ValueList<ChargeLinkRecord>([.. records]));
    }

    private static ChargeLinkRecord ReadRecord(ref Utf8JsonReader reader, ReadContext context, ChargeLinkRecordFields fields)
    {
        ChargeLinkRecordFields.Start(context);
        CimJson.ReadObject(ref reader, context, ChargeLinkRecordFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != ChargeLinkRecordFields.Group)
                {
                    return false;
                }

                fields.MarkGroup();
                c.Push(name);
                CimJson.Next(ref r, c);
                CimJson.ReadObject(ref r, c, [], (_, _) => { }, (ref Utf8JsonReader g, ReadContext gc, string member) =>
                {
                    if (member != ChargeLinkRecordFields.Links)
                    {
                        return false;
                    }

                    CimJson.ReadArray(ref g, gc, member, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                    {
                        CimJson.ReadObject(ref e, ec, ChargeLinkFields.Names, (field, text) => fields.Link.Set(field, text, ec));
                        fields.EndLink(ec);
                    });
                    return true;
                });
                c.Pop();
                return true;
            });
        return fields.Build(context);
    }
}
