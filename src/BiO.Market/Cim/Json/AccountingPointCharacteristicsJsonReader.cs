using System.Text.Json;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads AccountingPointCharacteristics_MarketDocument (E07, metering point master data) from CIM JSON in one
/// pass with <see cref="Utf8JsonReader"/>, to the same records as <see cref="Xml.AccountingPointCharacteristicsXmlReader"/>:
/// strict on structure, ids and times; codes are kept as sent and checked by <see cref="AccountingPointValidator"/>.
/// <para>
/// DataHub publishes no JSON schema for this document. The shape read is the CIM JSON convention of the documents
/// it has schemas for, applied to the E07 XSD: root member <c>AccountingPointCharacteristics_MarketDocument</c>, the
/// XML element names as member names, repeated elements (<c>MktActivityRecord</c>, <c>Series</c>,
/// <c>Child_MarketEvaluationPoint</c>) as arrays, single ones (<c>MarketEvaluationPoint</c>,
/// <c>usagePointLocation.mainAddress</c> and its details, <c>Parent_MarketEvaluationPoint</c>) as objects, codes as
/// <c>{ "value": "E17" }</c> with a <c>codingScheme</c> beside the value where the XML has the attribute
/// (<c>{ "codingScheme": "NDK", "value": "344" }</c>), plain strings for the XSD's strings, times and durations.
/// Plain strings are taken where an object is expected, and the other way round.
/// </para>
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a wrong root, a missing required member or a malformed
/// id or time; the message names the document, the activity record and the JSON path.</exception>
public static class AccountingPointCharacteristicsJsonReader
{
    public const string RootName = "AccountingPointCharacteristics_MarketDocument";

    public static AccountingPointCharacteristics Read(Stream utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    public static AccountingPointCharacteristics Read(string json) => CimJson.Read(json, RootName, ReadDocument);

    private static AccountingPointCharacteristics ReadDocument(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(AccountingPointCharacteristics.DocumentType, AccountingPointCharacteristics.Processes);
        var fields = new AccountingPointRecordFields();
        var records = new List<AccountingPointRecord>();
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
        if (records.Count == 0)
        {
            throw context.Missing("MktActivityRecord");
        }

        return new AccountingPointCharacteristics(header.Build(context), new ValueList<AccountingPointRecord>([.. records]));
    }

    private static AccountingPointRecord ReadRecord(ref Utf8JsonReader reader, ReadContext context, AccountingPointRecordFields fields)
    {
        AccountingPointRecordFields.Start(context);
        CimJson.ReadObject(ref reader, context, AccountingPointRecordFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != AccountingPointRecordFields.MeteringPoint)
                {
                    return false;
                }

                c.Push(name);
                CimJson.Next(ref r, c);
                ReadPoint(ref r, c, fields.Point);
                fields.EndPoint(c);
                c.Pop();
                return true;
            });
        return fields.Build(context);
    }

    private static void ReadPoint(ref Utf8JsonReader reader, ReadContext context, AccountingPointFields fields) =>
        CimJson.ReadObject(ref reader, context, AccountingPointFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                switch (name)
                {
                    case AccountingPointFields.Address:
                        c.Push(name);
                        CimJson.Next(ref r, c);
                        fields.MarkAddress();
                        ReadAddress(ref r, c, fields);
                        c.Pop();
                        return true;
                    case AccountingPointFields.Parent:
                        c.Push(name);
                        CimJson.Next(ref r, c);
                        CimJson.ReadObject(ref r, c, AccountingPointFields.RelatedNames, (field, text) => fields.SetRelated(field, text, c));
                        fields.EndParent(c);
                        c.Pop();
                        return true;
                    case AccountingPointFields.Child:
                        CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                        {
                            CimJson.ReadObject(ref e, ec, AccountingPointFields.RelatedNames, (field, text) => fields.SetRelated(field, text, ec));
                            fields.EndChild(ec);
                        });
                        return true;
                    default:
                        return false;
                }
            });

    private static void ReadAddress(ref Utf8JsonReader reader, ReadContext context, AccountingPointFields fields) =>
        CimJson.ReadObject(ref reader, context, AccountingPointFields.AddressNames, (part, text) => fields.SetAddress(part, text),
            (ref Utf8JsonReader r, ReadContext c, string detail) =>
            {
                if (!AccountingPointFields.AddressDetails.Contains(detail))
                {
                    return false;
                }

                c.Push(detail);
                CimJson.Next(ref r, c);
                CimJson.ReadObject(ref r, c, AccountingPointFields.AddressNames, (part, text) => fields.SetAddress($"{detail}.{part}", text));
                c.Pop();
                return true;
            });
}
