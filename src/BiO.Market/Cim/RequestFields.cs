using BiO.Domain.MeteringPoints;
using BiO.Market.Requests;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one RSM-015 request series or one reject series as a reader meets them.</summary>
internal sealed class RequestFields
{
    /// <summary>The members <see cref="TrySet"/> takes.</summary>
    public static readonly string[] Names =
    [
        "mRID", "marketEvaluationPoint.mRID", "start_DateAndOrTime.dateTime", "end_DateAndOrTime.dateTime",
        "originalTransactionIDReference_Series.mRID",
    ];

    private readonly List<RejectReason> reasons = [];
    private Gsrn? meteringPoint;
    private Instant? start;
    private Instant? end;
    private string? originalTransactionId;
    private string? reasonCode;
    private string? reasonText;

    /// <summary>Sets a member by its CIM name; false for a member these documents do not use.</summary>
    public bool TrySet(string name, string raw, ReadContext context)
    {
        switch (name)
        {
            case "mRID":
                context.SeriesId = HeaderFields.Required(raw, context);
                return true;
            case "marketEvaluationPoint.mRID":
                meteringPoint = Gsrn.TryParse(raw, out var gsrn, out var error) ? gsrn : throw context.Error(error);
                return true;
            case "start_DateAndOrTime.dateTime":
                start = CimTime.TryParse(raw, out var from, out error) ? from : throw context.Error(error);
                return true;
            case "end_DateAndOrTime.dateTime":
                end = CimTime.TryParse(raw, out var to, out error) ? to : throw context.Error(error);
                return true;
            case "originalTransactionIDReference_Series.mRID":
                originalTransactionId = raw;
                return true;
            default:
                return false;
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

    /// <summary>The request series; the context is at the series. Resets for the next.</summary>
    public MeasureDataRequestSeries BuildRequest(ReadContext context)
    {
        var id = context.SeriesId ?? throw context.Missing("mRID");
        var gsrn = meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID");
        var from = start ?? throw context.Missing("start_DateAndOrTime.dateTime");
        var to = end ?? throw context.Missing("end_DateAndOrTime.dateTime");
        if (to < from)
        {
            throw context.Error($"The period ends at {CimTime.ToSeconds(to)}, before it starts at {CimTime.ToSeconds(from)}.");
        }

        Reset(context);
        return new MeasureDataRequestSeries(id, gsrn, new Interval(from, to));
    }

    /// <summary>The reject series; the context is at the series. Resets for the next.</summary>
    public RejectedMeasureDataRequest BuildReject(ReadContext context)
    {
        var id = context.SeriesId ?? throw context.Missing("mRID");
        if (reasons.Count == 0)
        {
            throw context.Missing("Reason");
        }

        var series = new RejectedMeasureDataRequest(id, originalTransactionId, meteringPoint, Documents.ValueList<RejectReason>.Of(reasons));
        Reset(context);
        return series;
    }

    private void Reset(ReadContext context)
    {
        reasons.Clear();
        meteringPoint = null;
        start = end = null;
        originalTransactionId = reasonCode = reasonText = null;
        context.SeriesId = null;
    }
}
