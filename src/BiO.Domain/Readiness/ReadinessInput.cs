using BiO.Domain.MeteringPoints;
using BiO.Domain.Rating;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;

namespace BiO.Domain.Readiness;

/// <summary>
/// Everything a readiness check of one metering point and billing period looks at: our supply periods, DataHub's
/// master data, the contract coverage, the meter data as known at some instant, and the price elements to rate.
/// </summary>
public sealed record ReadinessInput
{
    /// <exception cref="ArgumentException">The meter data or master data belong to another point, or the meter data to another period.</exception>
    public ReadinessInput(
        Gsrn gsrn, BillingPeriod period, SupplyPeriods supply, MasterDataHistory masterData, ContractedPeriods contract,
        ResolvedSeries usage, IReadOnlyList<PriceElement> elements)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(masterData);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(elements);
        if (usage.MeteringPointId != gsrn.Value || usage.Period != period.Utc)
        {
            throw new ArgumentException($"Meter data of {usage.MeteringPointId} over {usage.Period} does not match {gsrn} over {period.Utc}.", nameof(usage));
        }

        if (masterData.Versions.Count > 0 && masterData.Versions[0].Gsrn != gsrn)
        {
            throw new ArgumentException($"Master data of {masterData.Versions[0].Gsrn} cannot be checked for {gsrn}.", nameof(masterData));
        }

        Gsrn = gsrn;
        Period = period;
        Supply = supply;
        MasterData = masterData;
        Contract = contract;
        Usage = usage;
        Elements = elements;
    }

    public Gsrn Gsrn { get; }

    public BillingPeriod Period { get; }

    /// <summary>Our supply periods of the point; outside them nothing is required and nothing is billed.</summary>
    public SupplyPeriods Supply { get; }

    public MasterDataHistory MasterData { get; }

    public ContractedPeriods Contract { get; }

    /// <summary>The meter data of the whole period as known at one instant.</summary>
    public ResolvedSeries Usage { get; }

    /// <summary>The price elements to rate: charge elements from links and prices, spot, supplier elements.</summary>
    public IReadOnlyList<PriceElement> Elements { get; }
}
