using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using BiO.Market.Requests;
using BiO.Market.Supply;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one supply change record (request, confirm or reject) as a reader meets them.</summary>
internal sealed class SupplyRecordFields
{
    public static readonly string[] Names =
    [
        "mRID", "originalTransactionIDReference_MktActivityRecord.mRID", "marketEvaluationPoint.mRID",
        "marketEvaluationPoint.energySupplier_MarketParticipant.mRID", "marketEvaluationPoint.balanceResponsibleParty_MarketParticipant.mRID",
        "marketEvaluationPoint.customer_MarketParticipant.mRID", "marketEvaluationPoint.customer_MarketParticipant.name", "start_DateAndOrTime.dateTime",
    ];

    /// <summary>The repeated reason element of a reject record.</summary>
    public const string Reasons = "Reason";

    /// <summary>The leaf members of one <c>Reason</c>.</summary>
    public static readonly string[] ReasonNames = ["code", "text"];

    private readonly List<RejectReason> reasons = [];
    private string? originalTransactionId;
    private Gsrn? meteringPoint;
    private Gln? supplier;
    private Gln? balanceResponsible;
    private string? customerId;
    private string? customerName;
    private Instant? start;
    private string? reasonCode;
    private string? reasonText;

    /// <summary>Parses member <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        string? error = null;
        switch (name)
        {
            case "mRID":
                context.SeriesId = HeaderFields.Required(raw, context);
                break;
            case "originalTransactionIDReference_MktActivityRecord.mRID":
                originalTransactionId = HeaderFields.Required(raw, context);
                break;
            case "marketEvaluationPoint.mRID":
                meteringPoint = Gsrn.TryParse(raw, out var gsrn, out error) ? gsrn : null;
                break;
            case "marketEvaluationPoint.energySupplier_MarketParticipant.mRID":
                supplier = Gln.TryParse(raw, out var gln, out error) ? gln : null;
                break;
            case "marketEvaluationPoint.balanceResponsibleParty_MarketParticipant.mRID":
                balanceResponsible = Gln.TryParse(raw, out var party, out error) ? party : null;
                break;
            case "marketEvaluationPoint.customer_MarketParticipant.mRID":
                customerId = HeaderFields.Required(raw, context);
                break;
            case "marketEvaluationPoint.customer_MarketParticipant.name":
                customerName = raw;
                break;
            case "start_DateAndOrTime.dateTime":
                start = CimTime.TryParse(raw, out var instant, out error) ? instant : null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a supply change member.");
        }

        if (error is not null)
        {
            throw context.Error(error);
        }
    }

    public void SetReason(string name, string raw, ReadContext context)
    {
        if (name == "code")
        {
            reasonCode = HeaderFields.Required(raw, context);
        }
        else
        {
            reasonText = raw;
        }
    }

    /// <summary>Ends one <c>Reason</c>; the context is at it.</summary>
    public void AddReason(ReadContext context)
    {
        reasons.Add(new RejectReason(reasonCode ?? throw context.Missing("code"), reasonText));
        reasonCode = reasonText = null;
    }

    /// <summary>The request record; the context is at <c>MktActivityRecord</c>. Resets the fields.</summary>
    public SupplyChangeRequest BuildRequest(ReadContext context)
    {
        var record = new SupplyChangeRequest(
            context.SeriesId ?? throw context.Missing("mRID"),
            meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID"),
            supplier ?? throw context.Missing("marketEvaluationPoint.energySupplier_MarketParticipant.mRID"),
            balanceResponsible,
            customerId,
            customerName,
            start ?? throw context.Missing("start_DateAndOrTime.dateTime"));
        Reset(context);
        return record;
    }

    /// <summary>The confirm record; the context is at <c>MktActivityRecord</c>. Resets the fields.</summary>
    public SupplyChangeConfirmation BuildConfirmation(ReadContext context)
    {
        var record = new SupplyChangeConfirmation(
            context.SeriesId ?? throw context.Missing("mRID"),
            originalTransactionId,
            meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID"));
        Reset(context);
        return record;
    }

    /// <summary>The reject record; the context is at <c>MktActivityRecord</c>. Resets the fields.</summary>
    public SupplyChangeRejection BuildRejection(ReadContext context)
    {
        var id = context.SeriesId ?? throw context.Missing("mRID");
        if (reasons.Count == 0)
        {
            throw context.Missing(Reasons);
        }

        var record = new SupplyChangeRejection(id, originalTransactionId, meteringPoint, ValueList<RejectReason>.Of(reasons));
        Reset(context);
        return record;
    }

    private void Reset(ReadContext context)
    {
        reasons.Clear();
        originalTransactionId = customerId = customerName = reasonCode = reasonText = null;
        meteringPoint = null;
        supplier = balanceResponsible = null;
        start = null;
        context.SeriesId = null;
    }
}
