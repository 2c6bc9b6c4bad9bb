using System.Xml;
using BiO.Market.Documents;
using BiO.Market.Supply;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads the supply change documents from CIM XML in one pass with <see cref="XmlReader"/>:
/// RequestChangeOfSupplier (392) and DataHub's answers ConfirmRequestChangeOfSupplier and
/// RejectRequestChangeOfSupplier (E44), processes E03, E65 and E20. Structure and values only: business rules are
/// <see cref="SupplyChangeValidator"/>'s.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a wrong root, a missing required element or a malformed
/// value; the message names the document, the activity record, the line and position and the element path.</exception>
public static class ChangeOfSupplierXmlReader
{
    public const string RequestRoot = "RequestChangeOfSupplier_MarketDocument";
    public const string RequestNamespace = "urn:ediel.org:structure:requestchangeofsupplier:0:1";
    public const string ConfirmRoot = "ConfirmRequestChangeOfSupplier_MarketDocument";
    public const string ConfirmNamespace = "urn:ediel.org:structure:confirmrequestchangeofsupplier:0:1";
    public const string RejectRoot = "RejectRequestChangeOfSupplier_MarketDocument";
    public const string RejectNamespace = "urn:ediel.org:structure:rejectrequestchangeofsupplier:0:1";

    public static RequestChangeOfSupplier ReadRequest(Stream xml) => CimXml.Read(xml, RequestRoot, RequestNamespace, ReadRequest);

    public static RequestChangeOfSupplier ReadRequest(string xml) => CimXml.Read(xml, RequestRoot, RequestNamespace, ReadRequest);

    public static ConfirmRequestChangeOfSupplier ReadConfirm(Stream xml) => CimXml.Read(xml, ConfirmRoot, ConfirmNamespace, ReadConfirm);

    public static ConfirmRequestChangeOfSupplier ReadConfirm(string xml) => CimXml.Read(xml, ConfirmRoot, ConfirmNamespace, ReadConfirm);

    public static RejectRequestChangeOfSupplier ReadReject(Stream xml) => CimXml.Read(xml, RejectRoot, RejectNamespace, ReadReject);

    public static RejectRequestChangeOfSupplier ReadReject(string xml) => CimXml.Read(xml, RejectRoot, RejectNamespace, ReadReject);

    private static RequestChangeOfSupplier ReadRequest(XmlReader reader, ReadContext context)
    {
        var (header, _, records) = ReadDocument(reader, context, RequestNamespace, SupplyDocumentFields.Request());
        return new RequestChangeOfSupplier(header, records);
    }

    private static ConfirmRequestChangeOfSupplier ReadConfirm(XmlReader reader, ReadContext context)
    {
        var (header, reason, records) = ReadDocument(reader, context, ConfirmNamespace, SupplyDocumentFields.Confirm());
        return new ConfirmRequestChangeOfSupplier(header, reason, records);
    }

    private static RejectRequestChangeOfSupplier ReadReject(XmlReader reader, ReadContext context)
    {
        var (header, reason, records) = ReadDocument(reader, context, RejectNamespace, SupplyDocumentFields.Reject());
        return new RejectRequestChangeOfSupplier(header, reason, records);
    }

    private static (MarketDocumentHeader Header, string? Reason, ValueList<T> Records) ReadDocument<T>(
        XmlReader reader, ReadContext context, string ns, SupplyDocumentFields<T> document)
    {
        CimXml.ReadElement(reader, ns, context, SupplyDocumentFields<T>.Names, (name, text) => document.Set(name, text, context), name =>
        {
            if (name != SupplyDocumentFields<T>.Records)
            {
                return false;
            }

            CimXml.Enter(reader, context, name, document.Count);
            ReadRecord(reader, context, ns, document.Record);
            document.EndRecord(context);
            context.Pop();
            return true;
        });
        return document.Build(context);
    }

    private static void ReadRecord(XmlReader reader, ReadContext context, string ns, SupplyRecordFields fields)
    {
        var reasons = 0;
        context.SeriesId = null;
        CimXml.ReadElement(reader, ns, context, SupplyRecordFields.Names, (name, text) => fields.Set(name, text, context), name =>
        {
            if (name != SupplyRecordFields.Reasons || ns != RejectNamespace)
            {
                return false;
            }

            CimXml.Enter(reader, context, name, reasons++);
            CimXml.ReadElement(reader, ns, context, SupplyRecordFields.ReasonNames, (part, text) => fields.SetReason(part, text, context));
            fields.AddReason(context);
            context.Pop();
            return true;
        });
    }
}
