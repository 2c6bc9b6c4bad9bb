using System.Xml;
using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;
using NodaTime;

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

    private static readonly string[] RecordNames =
        ["mRID", "originalTransactionIDReference_MktActivityRecord.mRID", "validityStart_DateAndOrTime.dateTime"];

    private static readonly string[] RelatedNames = ["mRID", "description"];

    public static AccountingPointCharacteristics Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static AccountingPointCharacteristics Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static AccountingPointCharacteristics ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(AccountingPointCharacteristics.DocumentType, AccountingPointCharacteristics.Processes);
        var fields = new AccountingPointFields();
        var records = CimXml.ReadHeaderAndRecords(reader, Namespace, context, header, () => ReadRecord(reader, context, fields));
        if (records.Count == 0)
        {
            throw context.Missing("MktActivityRecord");
        }

        return new AccountingPointCharacteristics(header.Build(context), new ValueList<AccountingPointRecord>([.. records]));
    }

    private static AccountingPointRecord ReadRecord(XmlReader reader, ReadContext context, AccountingPointFields fields)
    {
        string? original = null;
        Instant? validFrom = null;
        MeteringPointCharacteristics? point = null;
        context.SeriesId = null;
        CimXml.ReadElement(reader, Namespace, context, RecordNames, (name, text) =>
        {
            switch (name)
            {
                case "mRID":
                    context.SeriesId = HeaderFields.Required(text, context);
                    break;
                case "originalTransactionIDReference_MktActivityRecord.mRID":
                    original = text;
                    break;
                default:
                    validFrom = CimTime.TryParse(text, out var instant, out var error) ? instant : throw context.Error(error);
                    break;
            }
        }, name =>
        {
            if (name != "MarketEvaluationPoint")
            {
                return false;
            }

            CimXml.Enter(reader, context, name);
            ReadPoint(reader, context, fields);
            point = fields.Build(context);
            context.Pop();
            return true;
        });
        var record = new AccountingPointRecord(
            context.SeriesId ?? throw context.Missing("mRID"),
            original,
            validFrom ?? throw context.Missing("validityStart_DateAndOrTime.dateTime"),
            point ?? throw context.Missing("MarketEvaluationPoint"));
        context.SeriesId = null;
        return record;
    }

    private static void ReadPoint(XmlReader reader, ReadContext context, AccountingPointFields fields)
    {
        var children = 0;
        CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            switch (name)
            {
                case "usagePointLocation.mainAddress":
                    CimXml.Enter(reader, context, name);
                    fields.MarkAddress();
                    ReadAddress(reader, context, fields);
                    context.Pop();
                    return true;
                case "Parent_MarketEvaluationPoint":
                    CimXml.Enter(reader, context, name);
                    var parent = ReadRelated(reader, context);
                    fields.SetParent(parent.Id ?? throw context.Missing("mRID"), context);
                    context.Pop();
                    return true;
                case "Child_MarketEvaluationPoint":
                    CimXml.Enter(reader, context, name, children++);
                    var child = ReadRelated(reader, context);
                    fields.AddChild(child.Id is null ? null : AccountingPointFields.Point(child.Id, context), child.Description, context);
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
            if (detail is not ("streetDetail" or "townDetail"))
            {
                return false;
            }

            CimXml.Enter(reader, context, detail);
            CimXml.ReadElement(reader, Namespace, context, AccountingPointFields.AddressNames, (part, text) => fields.SetAddress($"{detail}.{part}", text));
            context.Pop();
            return true;
        });

    /// <summary>Reads a parent or child point's <c>mRID</c> and <c>description</c> (the child's type); the context is at it.</summary>
    private static (string? Id, string? Description) ReadRelated(XmlReader reader, ReadContext context)
    {
        string? id = null;
        string? description = null;
        CimXml.ReadElement(reader, Namespace, context, RelatedNames, (name, text) =>
        {
            if (name == "mRID")
            {
                _ = AccountingPointFields.Point(text, context);
                id = text;
            }
            else
            {
                description = text;
            }
        });
        return (id, description);
    }
}
