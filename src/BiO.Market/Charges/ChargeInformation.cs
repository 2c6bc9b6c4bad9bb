using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Charges;

/// <summary>
/// One charge of a price list (<c>ChargeType</c>): its identity, its master data (process D18) and its price
/// series (process D08). Master data fields are absent in a prices document.
/// </summary>
/// <param name="Owner">The charge owner's GLN (<c>chargeTypeOwner_MarketParticipant.mRID</c>).</param>
/// <param name="Type">D01 subscription, D02 fee, D03 tariff.</param>
/// <param name="Code">The charge code (<c>mRID</c>) as sent; DataHub allows 10 characters, legacy codes are longer (the validator says so).</param>
/// <param name="Name">The name, if given.</param>
/// <param name="Description">The description, if given.</param>
/// <param name="Resolution">The price resolution of the charge (<c>priceTimeFrame_Period.resolution</c>), if given.</param>
/// <param name="EffectiveDate">From when this information applies.</param>
/// <param name="TerminationDate">When the charge stops, if it does.</param>
/// <param name="VatClassification">Whether VAT applies (<c>VATPayer</c>), if given.</param>
/// <param name="TransparentInvoicing">Whether the charge must be shown on its own line on the invoice, if given.</param>
/// <param name="TaxIndicator">Whether the charge is a tax (elafgift), if given.</param>
/// <param name="PriceSeries">The price series (<c>Series_Period</c>), in document order.</param>
public sealed record ChargeInformation(
    Gln Owner,
    ChargeType Type,
    string Code,
    string? Name,
    string? Description,
    Resolution? Resolution,
    Instant EffectiveDate,
    Instant? TerminationDate,
    VatClassification? VatClassification,
    bool? TransparentInvoicing,
    bool? TaxIndicator,
    ValueList<PriceSeries> PriceSeries);
