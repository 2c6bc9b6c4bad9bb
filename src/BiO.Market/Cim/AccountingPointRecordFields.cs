using BiO.Market.Documents;
using BiO.Market.MeteringPoints;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>
/// One E07 <c>MktActivityRecord</c> as a reader meets it, in XML or JSON alike: its mRID, the request it answers,
/// its validity start and its <c>MarketEvaluationPoint</c> (read into <see cref="Point"/>); reset by <see cref="Build"/>.
/// </summary>
internal sealed class AccountingPointRecordFields
{
    public const string MeteringPoint = "MarketEvaluationPoint";

    /// <summary>The leaf members of the record.</summary>
    public static readonly string[] Names =
        ["mRID", "originalTransactionIDReference_MktActivityRecord.mRID", "validityStart_DateAndOrTime.dateTime"];

    private string? original;
    private Instant? validFrom;
    private MeteringPointCharacteristics? point;

    /// <summary>The fields of the record's metering point.</summary>
    public AccountingPointFields Point { get; } = new();

    /// <summary>Starts a record; the context is at it.</summary>
    public static void Start(ReadContext context) => context.SeriesId = null;

    /// <summary>Parses leaf <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        switch (name)
        {
            case "mRID":
                context.SeriesId = HeaderFields.Required(raw, context);
                break;
            case "originalTransactionIDReference_MktActivityRecord.mRID":
                original = raw;
                break;
            case "validityStart_DateAndOrTime.dateTime":
                validFrom = CimTime.TryParse(raw, out var instant, out var error) ? instant : throw context.Error(error);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a master data record member.");
        }
    }

    /// <summary>Ends the <c>MarketEvaluationPoint</c>; the context is at it.</summary>
    public void EndPoint(ReadContext context) => point = Point.Build(context);

    /// <summary>The record; the context is at <c>MktActivityRecord[i]</c>. Resets the fields.</summary>
    public AccountingPointRecord Build(ReadContext context)
    {
        var record = new AccountingPointRecord(
            context.SeriesId ?? throw context.Missing("mRID"),
            original,
            validFrom ?? throw context.Missing("validityStart_DateAndOrTime.dateTime"),
            point ?? throw context.Missing(MeteringPoint));
        context.SeriesId = null;
        original = null;
        validFrom = null;
        point = null;
        return record;
    }
}
