using System.Text.Json;
using BiO.Market.Documents;
using BiO.Market.Supply;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads the supply change documents from CIM JSON in one pass with <see cref="Utf8JsonReader"/>, in the shape of
/// DataHub's JSON schemas (edi/schemas/cim-json Request-, Confirm-request- and
/// Reject-request-Change-of-Supplier-assembly-model): RequestChangeOfSupplier (392) and DataHub's answers
/// ConfirmRequestChangeOfSupplier and RejectRequestChangeOfSupplier (E44), processes E03, E65 and E20. Reads to
/// the same records as <see cref="Xml.ChangeOfSupplierXmlReader"/>. Structure and values only: business rules are
/// <see cref="SupplyChangeValidator"/>'s.
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a wrong root, a missing required member or a malformed
/// value; the message names the document, the activity record and the JSON path.</exception>
public static class ChangeOfSupplierJsonReader
{
    public const string RequestRoot = "RequestChangeOfSupplier_MarketDocument";
    public const string ConfirmRoot = "ConfirmRequestChangeOfSupplier_MarketDocument";
    public const string RejectRoot = "RejectRequestChangeOfSupplier_MarketDocument";

    public static RequestChangeOfSupplier ReadRequest(Stream utf8Json) => CimJson.Read(utf8Json, RequestRoot, ReadRequest);

    public static RequestChangeOfSupplier ReadRequest(string json) => CimJson.Read(json, RequestRoot, ReadRequest);

    public static ConfirmRequestChangeOfSupplier ReadConfirm(Stream utf8Json) => CimJson.Read(utf8Json, ConfirmRoot, ReadConfirm);

    public static ConfirmRequestChangeOfSupplier ReadConfirm(string json) => CimJson.Read(json, ConfirmRoot, ReadConfirm);

    public static RejectRequestChangeOfSupplier ReadReject(Stream utf8Json) => CimJson.Read(utf8Json, RejectRoot, ReadReject);

    public static RejectRequestChangeOfSupplier ReadReject(string json) => CimJson.Read(json, RejectRoot, ReadReject);

    private static RequestChangeOfSupplier ReadRequest(ref Utf8JsonReader reader, ReadContext context)
    {
        var (header, _, records) = ReadDocument(ref reader, context, SupplyDocumentFields.Request(), withReasons: false);
        return new RequestChangeOfSupplier(header, records);
    }

    private static ConfirmRequestChangeOfSupplier ReadConfirm(ref Utf8JsonReader reader, ReadContext context)
    {
        var (header, reason, records) = ReadDocument(ref reader, context, SupplyDocumentFields.Confirm(), withReasons: false);
        return new ConfirmRequestChangeOfSupplier(header, reason, records);
    }

    private static RejectRequestChangeOfSupplier ReadReject(ref Utf8JsonReader reader, ReadContext context)
    {
        var (header, reason, records) = ReadDocument(ref reader, context, SupplyDocumentFields.Reject(), withReasons: true);
        return new RejectRequestChangeOfSupplier(header, reason, records);
    }

    private static (MarketDocumentHeader Header, string? Reason, ValueList<T> Records) ReadDocument<T>(
        ref Utf8JsonReader reader, ReadContext context, SupplyDocumentFields<T> document, bool withReasons)
    {
        CimJson.ReadObject(ref reader, context, SupplyDocumentFields<T>.Names, (name, text) => document.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != SupplyDocumentFields<T>.Records)
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                {
                    ReadRecord(ref e, ec, document.Record, withReasons);
                    document.EndRecord(ec);
                });
                return true;
            });
        return document.Build(context);
    }

    private static void ReadRecord(ref Utf8JsonReader reader, ReadContext context, SupplyRecordFields fields, bool withReasons)
    {
        context.SeriesId = null;
        CimJson.ReadObject(ref reader, context, SupplyRecordFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (!withReasons || name != SupplyRecordFields.Reasons)
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                {
                    CimJson.ReadObject(ref e, ec, SupplyRecordFields.ReasonNames, (part, text) => fields.SetReason(part, text, ec));
                    fields.AddReason(ec);
                });
                return true;
            });
    }
}
