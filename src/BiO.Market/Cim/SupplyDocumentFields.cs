using BiO.Market.Documents;
using BiO.Market.Supply;

namespace BiO.Market.Cim;

/// <summary>
/// The document level of a supply change document (request, confirm or reject) as a reader meets it, in XML or
/// JSON alike: the header, the document <c>reason.code</c> and the records, each built from
/// <see cref="Record"/> when the reader ends it. At least one record is required.
/// </summary>
/// <typeparam name="T">The record type of the document.</typeparam>
internal sealed class SupplyDocumentFields<T>(string documentType, Func<SupplyRecordFields, ReadContext, T> build)
{
    public const string ReasonCode = "reason.code";

    public const string Records = "MktActivityRecord";

    /// <summary>The leaf members of the document: the header's and <c>reason.code</c>.</summary>
    public static readonly string[] Names = [.. HeaderFields.Names, ReasonCode];

    private readonly HeaderFields header = new(documentType, RequestChangeOfSupplier.Processes);
    private readonly List<T> records = [];
    private string? reason;

    /// <summary>The fields of the record being read.</summary>
    public SupplyRecordFields Record { get; } = new();

    /// <summary>How many records were read so far (the index of the next).</summary>
    public int Count => records.Count;

    /// <summary>Parses leaf <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        if (name == ReasonCode)
        {
            reason = HeaderFields.Required(raw, context);
        }
        else
        {
            header.Set(name, raw, context);
        }
    }

    /// <summary>Ends a record; the context is at <c>MktActivityRecord[i]</c>.</summary>
    public void EndRecord(ReadContext context) => records.Add(build(Record, context));

    /// <summary>The header, the reason code (when given) and the records; the context is at the document.</summary>
    public (MarketDocumentHeader Header, string? Reason, ValueList<T> Records) Build(ReadContext context)
    {
        if (records.Count == 0)
        {
            throw context.Missing(Records);
        }

        return (header.Build(context), reason, new ValueList<T>([.. records]));
    }
}

/// <summary>The document level of each supply change document, with its type and how its records are built.</summary>
internal static class SupplyDocumentFields
{
    public static SupplyDocumentFields<SupplyChangeRequest> Request() =>
        new(RequestChangeOfSupplier.DocumentType, (fields, context) => fields.BuildRequest(context));

    public static SupplyDocumentFields<SupplyChangeConfirmation> Confirm() =>
        new(ConfirmRequestChangeOfSupplier.DocumentType, (fields, context) => fields.BuildConfirmation(context));

    public static SupplyDocumentFields<SupplyChangeRejection> Reject() =>
        new(RejectRequestChangeOfSupplier.DocumentType, (fields, context) => fields.BuildRejection(context));
}
