using BiO.Domain.Accounts;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;

namespace BiO.Domain.Billing;

/// <summary>A DataHub charge with its prices as known at the settlement's instant.</summary>
public sealed record KnownCharge(Charge Charge, PriceTable Prices);

/// <summary>A supplier price list with the instant its content was last changed (the price version of its lines).</summary>
public sealed record KnownPriceList(SupplierPriceList PriceList, Instant Version);

/// <summary>
/// Everything a metering point's settlement for one paying account and billing period needs, as known at an instant:
/// the point's master data, our supply, the parts of its contracts the account pays for, its charge links with the
/// charges' prices, the spot prices of its price area, the supplier price lists of the contracts' products, and its
/// meter data.
/// </summary>
/// <param name="Charges">The charges known by key; a linked charge missing here has no price at all.</param>
/// <param name="Spot">The spot prices of the point's price area (any version; read as known at <paramref name="KnownAt"/>).</param>
/// <param name="PriceLists">The supplier price list of each product code.</param>
public sealed record PointSettlementInput(
    Gsrn Gsrn,
    BillingPeriod Period,
    SupplyPeriods Supply,
    MasterDataHistory MasterData,
    IReadOnlyList<ContractCoverage> Coverages,
    ChargeLinks Links,
    IReadOnlyDictionary<ChargeKey, KnownCharge> Charges,
    SpotPrices? Spot,
    IReadOnlyDictionary<string, KnownPriceList> PriceLists,
    ResolvedSeries Usage,
    VatSchedule Vat,
    Instant KnownAt);
