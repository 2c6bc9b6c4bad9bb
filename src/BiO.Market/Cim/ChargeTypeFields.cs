using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Charges;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one charge (<c>ChargeType</c>) of a price list as a reader meets them; reset by <see cref="Build"/>.</summary>
internal sealed class ChargeTypeFields
{
    public static readonly string[] Names =
    [
        "mRID", "chargeTypeOwner_MarketParticipant.mRID", "type", "name", "description",
        "priceTimeFrame_Period.resolution", "effectiveDate", "terminationDate", "VATPayer", "transparentInvoicing", "taxIndicator",
    ];

    private readonly List<PriceSeries> series = [];
    private string? code;
    private Gln? owner;
    private ChargeType? type;
    private string? name;
    private string? description;
    private Resolution? resolution;
    private Instant? effective;
    private Instant? termination;
    private VatClassification? vat;
    private bool? transparentInvoicing;
    private bool? taxIndicator;

    public PriceSeriesFields Series { get; } = new();

    /// <summary>Parses leaf <paramref name="field"/> (one of <see cref="Names"/>); the context is at its value.</summary>
    public void Set(string field, string raw, ReadContext context)
    {
        string? error = null;
        switch (field)
        {
            case "mRID":
                code = HeaderFields.Required(raw, context);
                break;
            case "chargeTypeOwner_MarketParticipant.mRID":
                owner = Gln.TryParse(raw, out var gln, out error) ? gln : null;
                break;
            case "type":
                type = ChargeValues.TryChargeType(raw, out var chargeType, out error) ? chargeType : null;
                break;
            case "name":
                name = raw;
                break;
            case "description":
                description = raw;
                break;
            case "priceTimeFrame_Period.resolution":
                resolution = ChargeValues.TryResolution(raw, out var parsed, out error) ? parsed : null;
                break;
            case "effectiveDate":
                effective = CimTime.TryParse(raw, out var from, out error) ? from : null;
                break;
            case "terminationDate":
                termination = CimTime.TryParse(raw, out var to, out error) ? to : null;
                break;
            case "VATPayer":
                vat = ChargeValues.TryVat(raw, out var classification, out error) ? classification : null;
                break;
            case "transparentInvoicing":
                transparentInvoicing = ChargeValues.TryBoolean(raw, out var transparent, out error) ? transparent : null;
                break;
            case "taxIndicator":
                taxIndicator = ChargeValues.TryBoolean(raw, out var tax, out error) ? tax : null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "Not a charge field.");
        }

        if (error is not null)
        {
            throw context.Error(error);
        }
    }

    /// <summary>Ends a price series; the context is at <c>Series_Period[i]</c>.</summary>
    public void EndSeries(ReadContext context) => series.Add(Series.Build(context));

    /// <summary>The charge; the context is at <c>ChargeType[i]</c>. Resets the fields for the next charge.</summary>
    public ChargeInformation Build(ReadContext context)
    {
        var charge = new ChargeInformation(
            owner ?? throw context.Missing("chargeTypeOwner_MarketParticipant.mRID"),
            type ?? throw context.Missing("type"),
            code ?? throw context.Missing("mRID"),
            name,
            description,
            resolution,
            effective ?? throw context.Missing("effectiveDate"),
            termination,
            vat,
            transparentInvoicing,
            taxIndicator,
            new ValueList<PriceSeries>([.. series]));
        series.Clear();
        code = name = description = null;
        owner = null;
        type = null;
        resolution = null;
        effective = termination = null;
        vat = null;
        transparentInvoicing = taxIndicator = null;
        return charge;
    }
}
