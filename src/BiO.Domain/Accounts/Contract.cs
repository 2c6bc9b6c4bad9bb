using BiO.Domain.MeteringPoints;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Accounts;

/// <summary>
/// A contract ("aftale") of a customer account for one product, over local days [Start, End) in Europe/Copenhagen:
/// <see cref="End"/> is the first day no longer covered (null while open), so it is after <see cref="Start"/>.
/// Electricity names its metering point (GSRN) and may pin a version of the supplier price list (by its effective
/// date); other products have no metering point and carry their own price (a fixed monthly fee or a price per unit).
/// </summary>
public sealed record Contract
{
    /// <exception cref="ArgumentException">A rule is broken; the message names the contract, its account and the rule.</exception>
    public Contract(
        string contractId, string accountId, string productCode, ProductKind kind, LocalDate start, LocalDate? end,
        Gsrn? meteringPoint = null, LocalDate? priceListVersion = null, NonMeteredPrice? price = null)
    {
        if (string.IsNullOrWhiteSpace(contractId))
        {
            throw new ArgumentException("A contract needs an id, got nothing.", nameof(contractId));
        }

        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new ArgumentException($"Contract {contractId} needs a customer account, got nothing.", nameof(accountId));
        }

        var where = $"Contract {contractId} of account {accountId}";
        if (string.IsNullOrWhiteSpace(productCode))
        {
            throw new ArgumentException($"{where} needs a product code, got nothing.", nameof(productCode));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"{where}: product kind {(int)kind} is not known.", nameof(kind));
        }

        if (end is { } last && last <= start)
        {
            throw new ArgumentException($"{where} must end after it starts ({start:uuuu-MM-dd}), got end {last:uuuu-MM-dd}.", nameof(end));
        }

        if (kind == ProductKind.Electricity)
        {
            if (meteringPoint is null)
            {
                throw new ArgumentException($"{where} ({productCode}, electricity) needs a metering point (GSRN).", nameof(meteringPoint));
            }

            if (price is not null)
            {
                throw new ArgumentException($"{where} ({productCode}, electricity) takes its prices from the supplier price list, not a price of its own.", nameof(price));
            }
        }
        else
        {
            if (meteringPoint is not null)
            {
                throw new ArgumentException($"{where} ({productCode}, {kind}) is not metered and has no metering point, got {meteringPoint}.", nameof(meteringPoint));
            }

            if (priceListVersion is not null)
            {
                throw new ArgumentException($"{where} ({productCode}, {kind}): a supplier price list version applies to electricity only.", nameof(priceListVersion));
            }

            if (price is null)
            {
                throw new ArgumentException($"{where} ({productCode}, {kind}) needs its price: a fixed monthly fee or a price per unit.", nameof(price));
            }
        }

        ContractId = contractId;
        AccountId = accountId;
        ProductCode = productCode;
        Kind = kind;
        Start = start;
        End = end;
        MeteringPoint = meteringPoint;
        PriceListVersion = priceListVersion;
        Price = price;
    }

    public string ContractId { get; }

    /// <summary>The account that holds the contract (the user of a metering point; the payer may differ).</summary>
    public string AccountId { get; }

    /// <summary>The supplier's product code, e.g. "FLEX" (the <see cref="SupplierPriceList.ProductCode"/> for electricity).</summary>
    public string ProductCode { get; }

    public ProductKind Kind { get; }

    /// <summary>The first local day covered.</summary>
    public LocalDate Start { get; }

    /// <summary>The first local day no longer covered, or null while open.</summary>
    public LocalDate? End { get; }

    /// <summary>The metering point of an electricity contract; null for non-metered products.</summary>
    public Gsrn? MeteringPoint { get; }

    /// <summary>
    /// The effective date of a pinned supplier price list version (a fixed-price contract), or null when the contract
    /// follows the price list (the version effective on each day).
    /// </summary>
    public LocalDate? PriceListVersion { get; }

    /// <summary>The price of a non-metered product; null for electricity.</summary>
    public NonMeteredPrice? Price { get; }

    /// <summary>An electricity contract (its prices from the supplier price list, optionally one pinned version).</summary>
    public static Contract Electricity(string contractId, string accountId, string productCode, Gsrn meteringPoint, LocalDate start, LocalDate? end = null, LocalDate? priceListVersion = null) =>
        new(contractId, accountId, productCode, ProductKind.Electricity, start, end, meteringPoint, priceListVersion);

    /// <summary>A contract for a product without a metering point (telephony, broadband, TV, consultancy hours).</summary>
    public static Contract NonMetered(string contractId, string accountId, string productCode, ProductKind kind, NonMeteredPrice price, LocalDate start, LocalDate? end = null) =>
        new(contractId, accountId, productCode, kind, start, end, price: price);

    /// <summary>The same contract ending on <paramref name="end"/> (the first day no longer covered).</summary>
    /// <exception cref="ArgumentException">The end is not after the start.</exception>
    public Contract EndingOn(LocalDate end) =>
        new(ContractId, AccountId, ProductCode, Kind, Start, end, MeteringPoint, PriceListVersion, Price);

    /// <summary>Whether the contract covers a local day.</summary>
    public bool Covers(LocalDate date) => date >= Start && (End is not { } end || date < end);

    /// <summary>Whether two contracts share a day.</summary>
    public bool Overlaps(Contract other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (End is not { } end || other.Start < end) && (other.End is not { } otherEnd || Start < otherEnd);
    }

    /// <summary>The local days of <paramref name="period"/> the contract covers, or null when it covers none.</summary>
    public DateInterval? DaysIn(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = Start > period.Dates.Start ? Start : period.Dates.Start;
        var last = End is { } end && end.PlusDays(-1) < period.Dates.End ? end.PlusDays(-1) : period.Dates.End;
        return first <= last ? new DateInterval(first, last) : null;
    }

    /// <summary>The UTC interval of <paramref name="period"/> the contract covers (local midnight to local midnight), or null.</summary>
    public Interval? CoverageOf(BillingPeriod period) => DaysIn(period) is { } days ? BillingTime.Of(days) : null;

    /// <summary>
    /// The supplier price list to rate this contract with: the list itself when the contract follows it, or only the
    /// pinned version, effective from the contract's start.
    /// </summary>
    /// <exception cref="ArgumentException">The list is of another product, or has no version from the pinned date.</exception>
    public SupplierPriceList PricesFrom(SupplierPriceList priceList)
    {
        ArgumentNullException.ThrowIfNull(priceList);
        if (priceList.ProductCode != ProductCode)
        {
            throw new ArgumentException($"Contract {ContractId} of account {AccountId} is for product {ProductCode}, got the price list of {priceList.ProductCode}.", nameof(priceList));
        }

        if (PriceListVersion is not { } pinned)
        {
            return priceList;
        }

        var version = priceList.Versions.FirstOrDefault(v => v.EffectiveFrom == pinned)
            ?? throw new ArgumentException($"Contract {ContractId} of account {AccountId} is pinned to the version of {ProductCode} from {pinned:uuuu-MM-dd}; the price list has versions from {string.Join(", ", priceList.Versions.Select(v => $"{v.EffectiveFrom:uuuu-MM-dd}"))}.", nameof(priceList));
        return new SupplierPriceList(ProductCode, [version with { EffectiveFrom = Start }]);
    }

    /// <summary>"C-1 (FLEX, 2026-01-01..open)".</summary>
    public override string ToString() => $"{ContractId} ({ProductCode}, {Start:uuuu-MM-dd}..{(End is { } end ? $"{end:uuuu-MM-dd}" : "open")})";
}
