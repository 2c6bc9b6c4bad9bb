using BiO.Domain.MeteringPoints;
using BiO.Market.Charges;
using BiO.Market.Documents;

namespace BiO.Market.Cim;

/// <summary>
/// One D07 <c>MktActivityRecord</c> (a metering point and its <c>ChargeGroup.ChargeType</c> links) as a reader
/// meets it, in XML or JSON alike; reset by <see cref="Build"/>. The record needs its mRID, its point and at least
/// one link.
/// </summary>
internal sealed class ChargeLinkRecordFields
{
    public const string Group = "ChargeGroup";

    public const string Links = "ChargeType";

    /// <summary>The leaf members of the record.</summary>
    public static readonly string[] Names = ["mRID", "marketEvaluationPoint.mRID"];

    private readonly List<LinkedCharge> links = [];
    private Gsrn? meteringPoint;
    private bool hasGroup;

    /// <summary>The fields of the link being read.</summary>
    public ChargeLinkFields Link { get; } = new();

    /// <summary>How many links of this record were read so far (the index of the next).</summary>
    public int LinkCount => links.Count;

    /// <summary>Starts a record; the context is at it.</summary>
    public static void Start(ReadContext context) => context.SeriesId = null;

    /// <summary>Parses leaf <paramref name="name"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string name, string raw, ReadContext context)
    {
        if (name == "mRID")
        {
            context.SeriesId = HeaderFields.Required(raw, context);
        }
        else
        {
            meteringPoint = Gsrn.TryParse(raw, out var gsrn, out var error) ? gsrn : throw context.Error(error);
        }
    }

    /// <summary>The record has a <c>ChargeGroup</c>.</summary>
    public void MarkGroup() => hasGroup = true;

    /// <summary>Ends one link; the context is at <c>ChargeType[i]</c>.</summary>
    public void EndLink(ReadContext context) => links.Add(Link.Build(context));

    /// <summary>The record; the context is at <c>MktActivityRecord[i]</c>. Resets the fields.</summary>
    public ChargeLinkRecord Build(ReadContext context)
    {
        var id = context.SeriesId ?? throw context.Missing("mRID");
        var point = meteringPoint ?? throw context.Missing("marketEvaluationPoint.mRID");
        if (!hasGroup || links.Count == 0)
        {
            throw context.Missing(hasGroup ? $"{Group}.{Links}" : Group);
        }

        var record = new ChargeLinkRecord(id, point, new ValueList<LinkedCharge>([.. links]));
        links.Clear();
        meteringPoint = null;
        hasGroup = false;
        return record;
    }
}
