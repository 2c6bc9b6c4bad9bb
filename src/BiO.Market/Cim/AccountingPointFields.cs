using BiO.Domain.MeteringPoints;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one E07 <c>MarketEvaluationPoint</c> as a reader meets them; reset by <see cref="Build"/>.</summary>
internal sealed class AccountingPointFields
{
    public static readonly string[] Names =
    [
        "mRID", "meteringPointResponsible_MarketParticipant.mRID", "type", "settlementMethod", "meteringMethod",
        "connectionState", "readCycle", "netSettlementGroup", "meteringGridArea_Domain.mRID", "linked_MarketEvaluationPoint.mRID",
        "energySupplier_MarketParticipant.mRID", "supplyStart_DateAndOrTime.dateTime", "description",
    ];

    public const string Address = "usagePointLocation.mainAddress";

    public const string Parent = "Parent_MarketEvaluationPoint";

    public const string Child = "Child_MarketEvaluationPoint";

    /// <summary>The leaf members of the address and of its details.</summary>
    public static readonly string[] AddressNames = ["code", "name", "number", "floorIdentification", "suiteNumber", "section", "country", "postalCode"];

    /// <summary>The parts of the address holding more leaves: <c>streetDetail</c> and <c>townDetail</c>.</summary>
    public static readonly string[] AddressDetails = ["streetDetail", "townDetail"];

    /// <summary>The leaf members of a parent or child point.</summary>
    public static readonly string[] RelatedNames = ["mRID", "description"];

    private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> address = new(StringComparer.Ordinal);
    private readonly List<ChildMeteringPoint> children = [];
    private Gsrn? gsrn;
    private Gln? gridOperator;
    private Gln? supplier;
    private Instant? supplyStart;
    private Gsrn? linked;
    private Gsrn? parent;
    private Gsrn? related;
    private string? relatedDescription;
    private bool hasAddress;

    /// <summary>Parses leaf <paramref name="field"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string field, string raw, ReadContext context)
    {
        switch (field)
        {
            case "mRID":
                gsrn = Point(raw, context);
                break;
            case "meteringPointResponsible_MarketParticipant.mRID":
                gridOperator = Participant(raw, context);
                break;
            case "energySupplier_MarketParticipant.mRID":
                supplier = Participant(raw, context);
                break;
            case "linked_MarketEvaluationPoint.mRID":
                linked = Point(raw, context);
                break;
            case "supplyStart_DateAndOrTime.dateTime":
                supplyStart = CimTime.TryParse(raw, out var start, out var error) ? start : throw context.Error(error);
                break;
            case "type" or "settlementMethod" or "meteringMethod" or "connectionState" or "readCycle" or "netSettlementGroup"
                or "meteringGridArea_Domain.mRID" or "description":
                codes[field] = HeaderFields.Required(raw, context);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "Not a metering point field.");
        }
    }

    /// <summary>A part of the address; <paramref name="part"/> is prefixed by its detail: <c>streetDetail.name</c>.</summary>
    public void SetAddress(string part, string raw)
    {
        hasAddress = true;
        address[part] = raw;
    }

    public void MarkAddress() => hasAddress = true;

    /// <summary>
    /// Parses leaf <paramref name="field"/> (one of <see cref="RelatedNames"/>) of a parent or child point; the
    /// context is at its value. The <c>description</c> is a child's type.
    /// </summary>
    public void SetRelated(string field, string raw, ReadContext context)
    {
        if (field == "mRID")
        {
            related = Point(raw, context);
        }
        else
        {
            relatedDescription = raw;
        }
    }

    /// <summary>Ends <c>Parent_MarketEvaluationPoint</c>; the context is at it.</summary>
    public void EndParent(ReadContext context)
    {
        parent = related ?? throw context.Missing("mRID");
        related = null;
        relatedDescription = null;
    }

    /// <summary>Ends one <c>Child_MarketEvaluationPoint</c>; the context is at it.</summary>
    public void EndChild(ReadContext context)
    {
        children.Add(new ChildMeteringPoint(related ?? throw context.Missing("mRID"), relatedDescription));
        related = null;
        relatedDescription = null;
    }

    /// <summary>Reads a GSRN of a related point; the context is at its value.</summary>
    public static Gsrn Point(string raw, ReadContext context) =>
        Gsrn.TryParse(raw, out var point, out var error) ? point : throw context.Error(error);

    /// <summary>The point; the context is at <c>MarketEvaluationPoint</c>. Resets the fields.</summary>
    public MeteringPointCharacteristics Build(ReadContext context)
    {
        var point = new MeteringPointCharacteristics(
            gsrn ?? throw context.Missing("mRID"),
            Code("type"),
            Code("settlementMethod"),
            Code("meteringMethod"),
            Code("connectionState"),
            Code("readCycle"),
            Code("netSettlementGroup"),
            Code("meteringGridArea_Domain.mRID"),
            gridOperator,
            supplier,
            supplyStart,
            linked,
            parent,
            ValueList<ChildMeteringPoint>.Of(children),
            hasAddress
                ? new PostalAddress(Part("streetDetail.code"), Part("streetDetail.name"), Part("streetDetail.number"),
                    Part("streetDetail.floorIdentification"), Part("streetDetail.suiteNumber"), Part("townDetail.code"),
                    Part("townDetail.name"), Part("townDetail.section"), Part("townDetail.country"), Part("postalCode"))
                : null,
            Code("description"));
        codes.Clear();
        address.Clear();
        children.Clear();
        gsrn = linked = parent = related = null;
        relatedDescription = null;
        gridOperator = supplier = null;
        supplyStart = null;
        hasAddress = false;
        return point;
    }

    private string? Code(string field) => codes.GetValueOrDefault(field);

    private string? Part(string part) => address.TryGetValue(part, out var value) && value.Length > 0 ? value : null;

    private static Gln Participant(string raw, ReadContext context) =>
        Gln.TryParse(raw, out var gln, out var error) ? gln : throw context.Error(error);
}
