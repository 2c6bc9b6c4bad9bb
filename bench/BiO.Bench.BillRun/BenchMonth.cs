using BiO.Demo;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Grains.Accounts;
using BiO.Grains.Charges;
using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Bench.BillRun;

/// <summary>A supplier product of the bench: its markup per kWh and monthly subscription (DKK excl. VAT).</summary>
public sealed record BenchProduct(string Code, decimal Markup, decimal MonthlySubscription);

/// <summary>
/// The bench's month: <see cref="DemoMonth"/> (deterministic for seed and size) with every point read every 15 minutes,
/// no gaps and no supply starting mid-month, so every account is due and ready; plus what the demo leaves to the
/// supplier: the price lists of its three electricity products and one invoice series. Everything here is a pure
/// function of the options, as wire records the grains take.
/// </summary>
public sealed class BenchMonth
{
    /// <summary>Long before any month benched: master data valid from here.</summary>
    public static readonly Instant LongAgo = Instant.FromUtc(2020, 1, 1, 0, 0);

    /// <summary>The products of the demo's customers (EL-SPOT, EL-GROEN, EL-FAST12) as priced by the bench.</summary>
    public static readonly IReadOnlyList<BenchProduct> Products =
    [
        new("EL-SPOT", 0.049m, 29m),
        new("EL-GROEN", 0.079m, 39m),
        new("EL-FAST12", 0.125m, 19m),
    ];

    public BenchMonth(int points, YearMonth month, int seed, int invoiceSeries)
    {
        Demo = new DemoMonth(new DemoOptions
        {
            Seed = seed,
            MeteringPoints = points,
            Month = month,
            QuarterHourShare = 1,
            MissingShare = 0,
            MidMonthStartShare = 0,
        });
        Period = BillingPeriod.Of(month);
        InvoiceSeries = invoiceSeries;
    }

    public DemoMonth Demo { get; }

    public BillingPeriod Period { get; }

    public YearMonth Month => Demo.Options.Month;

    /// <summary>How many invoice series the accounts are spread over (round robin): series lock separately.</summary>
    public int InvoiceSeries { get; }

    /// <summary>When the month's data counts as received: a day after its end.</summary>
    public Instant Received => Period.Utc.End + Duration.FromDays(1);

    /// <summary>The invoice series of the <paramref name="index"/>-th account.</summary>
    public string SeriesOf(int index) => $"BR{index % InvoiceSeries}-{Month.Year}";

    /// <summary>The price list of each product, one version from 2020 on, no time-of-use windows.</summary>
    public static IEnumerable<PriceListDefinition> PriceLists() =>
        Products.Select(p => new PriceListDefinition("bench-pl-" + p.Code, p.Code,
            [new PriceListVersionDefinition(new LocalDate(2020, 1, 1), p.Markup, p.MonthlySubscription, [])]));

    /// <summary>Every charge of the demo with its prices for the month: 24 prices per local day for tariffs, one for subscriptions.</summary>
    public IEnumerable<(ChargeDefinition Definition, ChargePriceSeries Prices)> Charges()
    {
        foreach (var charge in Demo.Charges)
        {
            var key = ChargeKeys.Of(charge.Owner.Value, charge.Type.Code(), charge.Code);
            var definition = new ChargeDefinition("bench-d18-" + key, charge.Owner.Value, charge.Type.Code(), charge.Code,
                charge.Resolution.Code, charge.TaxIndicator, charge.Name);
            var prices = charge.Type == ChargeType.Tariff
                ? HourStarts().Select(h => new ChargePrice(h, charge.HourPrice(Month.Month, h.InZone(BillingTime.Zone).Hour))).ToList()
                : [new ChargePrice(DemoCharges.EffectiveDate(Month), charge.MonthlyPrice!.Value)];
            yield return (definition, new ChargePriceSeries($"bench-d08-{key}-{Month}", Received, prices));
        }
    }

    /// <summary>The start of every UTC hour of the month (743, 744 or 745).</summary>
    public IEnumerable<Instant> HourStarts()
    {
        for (var t = Period.Utc.Start; t < Period.Utc.End; t += Duration.FromHours(1))
        {
            yield return t;
        }
    }

    /// <summary>The state a metering point grain holds once its master data, supply, links and contract have arrived.</summary>
    public MeteringPointState PointState(DemoMeteringPoint point, ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(point);
        var gsrn = point.Gsrn.Value;
        var transaction = "bench-tx-" + gsrn;
        var effective = DemoCharges.EffectiveDate(Month);
        var linksFrom = point.SupplyStartInstant > effective ? point.SupplyStartInstant : effective;
        var state = new MeteringPointState
        {
            MasterData = [new MasterDataReceived("bench-e07-" + gsrn, gsrn, "E17", point.SettlementMethod, point.GridArea.Code, point.GridArea.PriceArea.ToString(), LongAgo, null)],
            ChargeLinks = DemoCharges.For(Demo.Charges, point.GridArea.Code)
                .Select(c => new ChargeLinkNotice(c.Owner.Value, c.Type.Code(), c.Code, 1, linksFrom, null))
                .OrderBy(l => $"{l.TypeCode}:{l.OwnerGln}:{l.Code}", StringComparer.Ordinal)
                .ToList(),
        };
        state.ChargeLinkDocuments.Add("bench-d07-" + gsrn);
        state.SupplyRequests[transaction] = new SupplyRequested("bench-392-" + gsrn, gsrn, transaction, "E03", point.SupplyStartInstant);
        state.SupplyAnswers[transaction] = new SupplyAnswered("bench-cnf-" + gsrn, gsrn, transaction, true, []);
        state.Contracts[contract.ContractId] = contract;
        return state;
    }

    /// <summary>The contracts of an account: one electricity contract per point, and its non-metered products.</summary>
    public static IReadOnlyList<ContractDefinition> Contracts(CustomerAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var contracts = account.MeteringPoints.Select(p => new ContractDefinition(
            "bench-c-" + p.MeteringPoint.Value, "C-" + p.MeteringPoint.Value, account.AccountId, p.ProductCode, "Electricity", p.ContractStart,
            MeteringPoint: p.MeteringPoint.Value)).ToList();
        contracts.AddRange(account.Products.Select(p => new ContractDefinition(
            $"bench-c-{account.AccountId}-{p.ProductCode}", $"{account.AccountId}-{p.ProductCode}", account.AccountId, p.ProductCode,
            p.ProductCode switch { "BB-500" => "Broadband", "TV-MELLEM" => "Tv", _ => "Telephony" }, p.Start, MonthlyFee: p.MonthlyPrice)));
        return contracts;
    }
}
