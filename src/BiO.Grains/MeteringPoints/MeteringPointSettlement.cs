using System.Runtime.CompilerServices;
using System.Text.Json;
using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Grains.Accounts;
using BiO.Grains.Charges;
using BiO.Grains.Spot;
using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>The metering point's contracts, payers and settlement: gather what the domain needs, let it decide.</summary>
public sealed partial class MeteringPointGrain
{
    async Task IMeteringPointGrain.AttachContractAsync(ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        RequireThisPoint(contract.MeteringPoint ?? "none", $"contract {contract.ContractId}");
        var others = state.State.Contracts.Values.Where(c => c.ContractId != contract.ContractId).Select(AccountMapping.ToDomain);
        _ = ContractRegister.Of(others).With(AccountMapping.ToDomain(contract)); // refuses an overlap, naming both contracts
        state.State.Contracts[contract.ContractId] = contract;
        await state.WriteStateAsync();
    }

    async Task IMeteringPointGrain.AssignPayerAsync(PayerAssignment payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        RequireThisPoint(payer.MeteringPoint, $"payer request {payer.RequestId}");
        if (state.State.Payers.ContainsKey(payer.RequestId))
        {
            return;
        }

        _ = Payers().With(AccountMapping.ToDomain(payer)); // the domain's checks, naming what is wrong
        state.State.Payers[payer.RequestId] = payer;
        await state.WriteStateAsync();
    }

    private Payers Payers() => BiO.Domain.Accounts.Payers.Of(state.State.Payers.Values.Select(AccountMapping.ToDomain));

    async Task<PointSettleResult> IMeteringPointGrain.SettleAsync(PointSettleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = BillingPeriod.Of(request.Month);
        var corrections = await SettleCorrectionsAsync(request.AccountId);
        var result = await SettleMonthAsync(request, period);
        return result with { Corrections = corrections };
    }

    private async Task<PointSettleResult> SettleMonthAsync(PointSettleRequest request, BillingPeriod period)
    {
        var coverages = ContractRegister.Of(state.State.Contracts.Values.Select(AccountMapping.ToDomain)).DueFor(request.AccountId, period, Payers());
        if (coverages.Count == 0)
        {
            return new PointSettleResult(Gsrn.Value, AccountSettleState.NotDue, [], [], "{}", 0);
        }

        try
        {
            var input = await GatherAsync(period, coverages, request.KnownAt);
            var settlement = PointSettlement.Settle(input);
            if (!settlement.IsReady)
            {
                var asked = settlement.MissingMeterData.Count > 0 && Known
                    ? await meterDataRequests.RequestAsync(Gsrn.Value, settlement.MissingMeterData, clock.GetCurrentInstant())
                    : 0;
                return new PointSettleResult(Gsrn.Value, AccountSettleState.Waiting, settlement.Reasons, [], "{}", asked);
            }

            var area = GridAreaIn(period);
            return new PointSettleResult(Gsrn.Value, AccountSettleState.Settled, [], settlement.Lines.Select(l => AccountMapping.ToWire(l) with { GridArea = area }).ToList(),
                Basis(request.KnownAt, settlement), 0);
        }
        catch (ArgumentException ex)
        {
            return new PointSettleResult(Gsrn.Value, AccountSettleState.Failed, [$"{Gsrn}: {ex.Message}"], [], "{}", 0);
        }
    }

    private static string Basis(Instant knownAt, PointSettlement settlement) =>
        JsonSerializer.Serialize(new
        {
            knownAt = knownAt.ToString(),
            elements = settlement.Basis().Select(e => new { e.ElementId, meterData = e.MeterData?.ToString(), prices = e.Prices?.ToString() }),
        });

    /// <param name="fresh">Read spot prices no older than <paramref name="knownAt"/> (a correction after a price change),
    /// not a month kept a few seconds for a bill run.</param>
    // The domain's form of the prices a grain answered, built once per answer: a charge or spot month grain on this silo
    // hands the same immutable answer to every metering point that asks while its prices stay the same.
    private static readonly ConditionalWeakTable<IReadOnlyList<ChargePrice>, PriceTable> ChargeTables = new();
    private static readonly ConditionalWeakTable<SpotPricesView, SpotPrices?> SpotMonths = new();

    private static SpotPrices? ToDomain(SpotPricesView spot) =>
        spot is { Resolution: { } resolution } && Enum.TryParse<PriceArea>(spot.PriceArea, out var area)
            ? new SpotPrices(area, Resolution.Parse(resolution), new PriceHistory(spot.Prices.Select(p => new PricePoint(p.Start, new UnitPrice(p.Price), p.ReceivedAt))))
            : null;

    private async Task<PointSettlementInput> GatherAsync(BillingPeriod period, IReadOnlyList<ContractCoverage> coverages, Instant knownAt, bool fresh = false)
    {
        var masterData = state.State.MasterData.Aggregate(MasterDataHistory.Empty, (history, m) => history.With(ToDomain(m)));
        var links = ToDomain(state.State.ChargeLinks);
        var charges = await Task.WhenAll(links.InForce(period.Utc).Select(l => l.Charge).Distinct().Select(async key =>
            (Key: key, View: await GrainFactory.GetGrain<IChargeGrain>(ChargeKeys.Of(key.OwnerGln, key.Type.Code(), key.Code))
                .GetPricesAsync(new ChargePriceQuery(period.Utc, knownAt)))));
        var priceLists = await Task.WhenAll(coverages.Select(c => c.Contract.ProductCode).Distinct().Select(async code =>
            (Code: code, View: await GrainFactory.GetGrain<IPriceListGrain>(code).GetAsync())));
        var area = masterData.At(period.Utc.End - Duration.Epsilon)?.PriceArea;
        var spot = area is null ? null : await GrainFactory.GetGrain<ISpotPriceMonthGrain>($"{area}/{period.Dates.Start.ToYearMonth():uuuu-MM}").GetAsync(fresh ? knownAt : knownAt - SpotPriceMonthGrain.KeepFor);
        var usage = Known ? await meterData.ReadAsync(Gsrn.Value, period.Utc) : new BiO.Domain.TimeSeries.MeteringPointSeries(Gsrn.Value);

        return new PointSettlementInput(
            Gsrn, period, Supply(), masterData, coverages, links,
            charges.Where(c => c.View.Definition is not null).ToDictionary(
                c => c.Key,
                c => new KnownCharge(
                    new Charge(c.Key, Resolution.Parse(c.View.Definition!.Resolution), c.View.Definition.IsTax, c.View.Definition.Name),
                    ChargeTables.GetValue(c.View.Prices, prices => new PriceTable(prices.Select(p => new PricePoint(p.From, new UnitPrice(p.Price), p.ReceivedAt ?? knownAt)))))),
            spot is null ? null : SpotMonths.GetValue(spot, ToDomain),

            priceLists.Where(p => p.View is not null).ToDictionary(p => p.Code, p => new KnownPriceList(AccountMapping.ToDomain(p.View!.Definition), p.View.ChangedAt)),
            usage.AsKnownAt(knownAt, period.Utc),
            VatSchedule.DanishStandard,
            knownAt);
    }
}
