using BiO.Domain.Money;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Grains.Accounts;
using BiO.Grains.Charges;
using BiO.Grains.MeteringPoints;
using BiO.Grains.Spot;
using BiO.Persistence.MeterData;
using NodaTime;

namespace BiO.Testing;

/// <summary>
/// A month ready to be billed, through the grains: metering points supplied by us with master data, a link to an hourly
/// tariff, a month of quarter-hours; the tariff's prices, spot DK1 and a price list FLEX.
/// </summary>
public sealed class SettlementScenario(IGrainFactory grains, IMeterDataStore meterData, YearMonth month)
{
    private static int next;

    public const string Energinet = "5790000432752";
    private static readonly Instant LongAgo = Instant.FromUtc(2020, 1, 1, 0, 0);

    public BillingPeriod Period { get; } = BillingPeriod.Of(month);

    public Instant Received => Period.Utc.End + Duration.FromDays(2);

    private int Positions => (int)((Period.Utc.End - Period.Utc.Start) / Duration.FromMinutes(15));

    /// <summary>The charge, its prices, the spot prices of the month and the price list FLEX.</summary>
    public async Task PricesAsync()
    {
        var tariff = grains.GetGrain<IChargeGrain>(ChargeKeys.Of(Energinet, "D03", "40000"));
        await tariff.DefineAsync(new ChargeDefinition("d18-40000", Energinet, "D03", "40000", "PT1H", false, "Nettarif"));
        await tariff.ReceivePricesAsync(new ChargePriceSeries($"d08-40000-{month}", Received,
            Enumerable.Range(0, Positions / 4).Select(h => new ChargePrice(Period.Utc.Start + Duration.FromHours(h), 0.5m)).ToList()));
        foreach (var (date, day) in Period.Days())
        {
            var quarters = (int)((day.End - day.Start) / Duration.FromMinutes(15));
            await grains.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK1", date)).ReceiveAsync(new SpotPricesReceived(
                $"eds-{date}", "DK1", date, "PT15M", Received,
                Enumerable.Range(0, quarters).Select(q => new SpotPrice(day.Start + Duration.FromMinutes(15 * q), 1m, Received)).ToList()));
        }

        await grains.GetGrain<IPriceListGrain>("FLEX").DefineAsync(new PriceListDefinition("pl-flex", "FLEX",
            [new PriceListVersionDefinition(new LocalDate(2020, 1, 1), 0.1m, 30m, [])]));
    }

    /// <summary>A metering point we supply with a month of 0.25 kWh per quarter-hour, except the positions left out.</summary>
    public async Task<string> PointAsync(params int[] missingPositions)
    {
        var gsrn = "5713139" + Interlocked.Increment(ref next).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        var point = grains.GetGrain<IMeteringPointGrain>(gsrn);
        await point.ReceiveMasterDataAsync(new MasterDataReceived("e07-" + gsrn, gsrn, "E17", "D01", "344", "DK1", LongAgo, null));
        await point.RequestSupplyChangeAsync(new SupplyRequested("392-" + gsrn, gsrn, "tx-" + gsrn, "E03", LongAgo));
        await point.AnswerSupplyChangeAsync(new SupplyAnswered("confirm-" + gsrn, gsrn, "tx-" + gsrn, true, []));
        await point.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-" + gsrn, gsrn, [new ChargeLinkNotice(Energinet, "D03", "40000", 1, LongAgo, null)]));
        await MeterDataAsync(gsrn, "s-" + gsrn, Received, missingPositions);
        return gsrn;
    }

    /// <summary>A version of the point's month as DataHub sends it; left-out positions carry A02.</summary>
    public async Task MeterDataAsync(string gsrn, string versionId, Instant receivedAt, params int[] missingPositions)
    {
        var version = new SeriesVersion(versionId, receivedAt, Period.Utc.Start, Resolution.QuarterHour,
            Enumerable.Range(1, Positions).Select(p => missingPositions.Contains(p)
                ? new SeriesPoint(p, null, Quality.NotAvailable)
                : new SeriesPoint(p, new Quantity(0.25m), Quality.Measured)).ToList());
        await meterData.AppendAsync([new StoredSeries(gsrn, "rsm012-" + versionId, version)]);
        await grains.GetGrain<IMeteringPointGrain>(gsrn).MeterDataArrivedAsync(
            new MeterDataArrived("rsm012-" + versionId, gsrn, [new SeriesArrival(versionId, receivedAt, SeriesVersions.Covers(version))]));
    }

    /// <summary>A new version of one local day of the point, every quarter-hour <paramref name="quantity"/> kWh (a correction).</summary>
    public async Task DayAsync(string gsrn, string versionId, Instant receivedAt, LocalDate date, decimal quantity)
    {
        var day = BillingTime.Day(date);
        var version = new SeriesVersion(versionId, receivedAt, day.Start, Resolution.QuarterHour,
            Enumerable.Range(1, Resolution.QuarterHour.CountIn(day)).Select(p => new SeriesPoint(p, new Quantity(quantity), Quality.Measured)).ToList());
        await meterData.AppendAsync([new StoredSeries(gsrn, "rsm012-" + versionId, version)]);
        await grains.GetGrain<IMeteringPointGrain>(gsrn).MeterDataArrivedAsync(
            new MeterDataArrived("rsm012-" + versionId, gsrn, [new SeriesArrival(versionId, receivedAt, SeriesVersions.Covers(version))]));
    }

    /// <summary>New prices of the tariff for one local day (a price correction): every hour <paramref name="price"/>.</summary>
    public Task TariffDayAsync(string documentId, Instant receivedAt, LocalDate date, decimal price)
    {
        var day = BillingTime.Day(date);
        return grains.GetGrain<IChargeGrain>(ChargeKeys.Of(Energinet, "D03", "40000")).ReceivePricesAsync(new ChargePriceSeries(documentId, receivedAt,
            Enumerable.Range(0, (int)((day.End - day.Start) / Duration.FromHours(1))).Select(h => new ChargePrice(day.Start + Duration.FromHours(h), price)).ToList()));
    }

    /// <summary>Revised spot prices of DK1 for one local day (a price correction): every quarter-hour <paramref name="price"/>.</summary>
    public Task SpotDayAsync(string documentId, Instant receivedAt, LocalDate date, decimal price)
    {
        var day = BillingTime.Day(date);
        return grains.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of("DK1", date)).ReceiveAsync(new SpotPricesReceived(documentId, "DK1", date, "PT15M", receivedAt,
            Enumerable.Range(0, (int)((day.End - day.Start) / Duration.FromMinutes(15))).Select(q => new SpotPrice(day.Start + Duration.FromMinutes(15 * q), price, receivedAt)).ToList()));
    }

    /// <summary>An account in a series with an electricity contract (product FLEX) on each point.</summary>
    public async Task<string> AccountAsync(string series, params string[] points)
    {
        var accountId = "A-" + Guid.NewGuid().ToString("N")[..10];
        await grains.GetGrain<ICustomerAccountGrain>(accountId).DefineAsync(new AccountDefinition("def-" + accountId, accountId, "Kunde " + accountId, series));
        foreach (var gsrn in points)
        {
            var contractId = $"C-{gsrn}";
            await grains.GetGrain<IContractGrain>(contractId).DefineAsync(
                new ContractDefinition("c-" + contractId, contractId, accountId, "FLEX", "Electricity", new LocalDate(2026, 1, 1), MeteringPoint: gsrn));
        }

        return accountId;
    }
}
