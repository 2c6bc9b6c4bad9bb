using System.Xml;
using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads AccountingPointCharacteristics_MarketDocument (E07, metering point master data) from CIM XML in one pass
/// with <see cref="XmlReader"/>. Strict on structure, ids and times (the root must be spelled as in DataHub's XSD);
/// codes are kept as sent and checked by <see cref="AccountingPointValidator"/>.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a wrong root, a missing required element or a malformed
/// id or time; the message names the document, the activity record, the line and position and the element path.</exception>
public static class AccountingPointCharacteristicsXmlReader
{
    public const string RootName = "AccountingPointCharacteristics_MarketDocument";
    public const string Namespace = "urn:ediel.org:structure:accountingpointcharacteristics:0:1";

    public static AccountingPointCharacteristics Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static AccountingPointCharacteristics Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static AccountingPointCharacteristics ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(AccountingPointCharacteristics.DocumentType, AccountingPointCharacteristics.Processes);
        var fields = new AccountingPointRecordFields();
        var records = CimXml.ReadHeaderAndRecords(reader, Namespace, context, header, () => ReadRecord(reader, context, fields));
        if (records.Count == 0)
        {
            throw context.Missing("MktActivityRecord");
        }

        return new AccountingPointCharacteristics(header.Build(context), new ValueList<AccountingPointRecord>([.. records]));
    }

    private static AccountingPointRecord ReadRecord(XmlReader reader, ReadContext context, AccountingPointRecordFields fields)
    {
        AccountingPointRecordFields.Start(context);
        CimXml.ReadElement(reader, Namespace, context, AccountingPointRecordFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            if (name != AccountingPointRecordFields.MeteringPoint)
            {
                return false;
            }

            CimXml.Enter(reader, context, name);
            ReadPoint(reader, context, fields.Point);
            fields.EndPoint(context);
            context.Pop();
            return true;
        });
        return fields.Build(context);
    }

    private static void ReadPoint(XmlReader reader, ReadContext context, AccountingPointFields fields)
    {
        var children = 0;
        CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            switch (name)
            {
                case AccountingPointFields.Address:
                    CimXml.Enter(reader, context, name);
                    fields.MarkAddress();
                    ReadAddress(reader, context, fields);
                    context.Pop();
                    return true;
                case AccountingPointFields.Parent:
                    CimXml.Enter(reader, context, name);
                    CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.RelatedNames, (field, text) => fields.SetRelated(field, text, context));
                    fields.EndParent(context);
                    context.Pop();
                    return true;
                case AccountingPointFields.Child:
                    CimXml.Enter(reader, context, name, children++);
                    CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.RelatedNames, (field, text) => fields.SetRelated(field, text, context));
                    fields.EndChild(context);
                    context.Pop();
                    return true;
                default:
                    return false;
            }
        });
    }

    private static void ReadAddress(XmlReader reader, ReadContext context, AccountingPointFields fields) =>
        CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.AddressNames, fields.SetAddress, detail =>
        {
            if (!AccountingPointFields.AddressDetails.Contains(detail))
            {
                return false;
            }

            CimXml.Enter(reader, context, detail);
            CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.AddressNames, (part, text) => fields.SetAddress($"{detail}.{part}", text));
            context.Pop();
            return true;
        });
}
