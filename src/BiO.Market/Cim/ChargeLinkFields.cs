using BiO.Domain.Prices;
using BiO.Market.Charges;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Cim;

/// <summary>The fields of one charge link (<c>ChargeType</c> of D07) as a reader meets them; reset by <see cref="Build"/>.</summary>
internal sealed class ChargeLinkFields
{
    public static readonly string[] Names =
        ["mRID", "chargeTypeOwner_MarketParticipant.mRID", "type", "factor", "effectiveDate", "terminationDate"];

    private string? code;
    private Gln? owner;
    private ChargeType? type;
    private int? factor;
    private Instant? effective;
    private Instant? termination;

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
            case "factor":
                factor = ChargeValues.TryWhole(raw, "Factor", out var value, out error) ? value : null;
                break;
            case "effectiveDate":
                effective = CimTime.TryParse(raw, out var from, out error) ? from : null;
                break;
            case "terminationDate":
                termination = CimTime.TryParse(raw, out var to, out error) ? to : null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "Not a charge link field.");
        }

        if (error is not null)
        {
            throw context.Error(error);
        }
    }

    /// <summary>The link; the context is at <c>ChargeType[i]</c>. Resets the fields.</summary>
    public LinkedCharge Build(ReadContext context)
    {
        var link = new LinkedCharge(
            owner ?? throw context.Missing("chargeTypeOwner_MarketParticipant.mRID"),
            type ?? throw context.Missing("type"),
            code ?? throw context.Missing("mRID"),
            factor ?? throw context.Missing("factor"),
            effective ?? throw context.Missing("effectiveDate"),
            termination);
        code = null;
        owner = null;
        type = null;
        factor = null;
        effective = termination = null;
        return link;
    }
}
