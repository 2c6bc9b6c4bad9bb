using BiO.Demo.Writers;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using NodaTime;
using NodaTime.Text;

namespace BiO.Demo;

/// <summary>
/// A generated month of DataHub documents for one supplier, deterministic for its <see cref="DemoOptions"/> (same
/// options, same bytes), streamed lazily so that 100,000 metering points × 31 days never sit in memory at once.
/// <see cref="Documents"/> gives them in delivery order: our supply requests (392) each followed by DataHub's confirm,
/// master data (E07), the charges (D12: information D18, then prices D08), the charge links (D07), the month's
/// day-ahead spot prices per price area (Energi Data Service JSON), then meter data (RSM-012 JSON, E23) day by day,
/// bundled. A share of points has gaps: hours sent as A02 or days not sent (<see cref="Withheld()"/>); the customer
/// accounts behind the points are <see cref="Customers"/>.
/// </summary>
public sealed class DemoMonth
{
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuuMM");
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private readonly DemoDay[] days;
    private readonly string prefix;

    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public DemoMonth(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        Options = options;
        days = DemoDay.Of(options.Month);
        prefix = $"DM{(uint)options.Seed:X8}-{MonthPattern.Format(options.Month)}";
        Charges = DemoCharges.Of(options);
    }

    public DemoOptions Options { get; }

    /// <summary>The billing month as UTC interval.</summary>
    public Interval Utc => BillingTime.Month(Options.Month);

    /// <summary>The charges of the price lists.</summary>
    public IReadOnlyList<DemoCharge> Charges { get; }

    /// <summary>The metering point with 0-based <paramref name="index"/>.</summary>
    public DemoMeteringPoint Point(int index) => DemoPoints.At(Options, index);

    /// <summary>Every metering point, in index order (drawn as enumerated).</summary>
    public IEnumerable<DemoMeteringPoint> Points()
    {
        for (var i = 0; i < Options.MeteringPoints; i++)
        {
            yield return Point(i);
        }
    }

    /// <summary>The customer accounts behind the points, in point order.</summary>
    public IEnumerable<CustomerAccount> Customers() => DemoCustomers.Of(Options, Point);

    /// <summary>Every document of the month in delivery order.</summary>
    public IEnumerable<MarketDocument> Documents() =>
        SupplyDocuments().Concat(MasterDataDocuments()).Concat(PriceListDocuments()).Concat(ChargeLinkDocuments())
            .Concat(SpotPriceDocuments()).Concat(MeterDataDocuments());

    /// <summary>Our RequestChangeOfSupplier (392, E03) documents, each followed by DataHub's confirm.</summary>
    public IEnumerable<MarketDocument> SupplyDocuments()
    {
        var records = Customers().SelectMany(a => a.MeteringPoints.Select(p => a.Name)).Select((name, i) =>
            new SupplyChangeWriter.RequestRecord($"{prefix}-T{i + 1:D7}", Point(i), name));
        var chunk = 0;
        foreach (var batch in records.Chunk(Options.RecordsPerDocument))
        {
            chunk++;
            var created = Utc.Start - Duration.FromDays(20) + Duration.FromMinutes(chunk);
            var requestId = $"{prefix}-392-{chunk:D4}";
            var request = new CimHeader(requestId, "392", "E03", Options.Supplier, "DDQ", Market.Documents.Gln.DataHub, "DDZ", created);
            yield return new MarketDocument(DocumentKinds.SupplyRequest, DocumentKinds.Xml, SupplyChangeWriter.Request(request, Options, batch), requestId);
            var confirmId = $"{prefix}-CNF-{chunk:D4}";
            var confirm = new CimHeader(confirmId, "E44", "E03", Market.Documents.Gln.DataHub, "DDZ", Options.Supplier, "DDQ", created + Duration.FromSeconds(40));
            yield return new MarketDocument(DocumentKinds.SupplyConfirm, DocumentKinds.Xml, SupplyChangeWriter.Confirm(confirm, batch), confirmId);
        }
    }

    /// <summary>AccountingPointCharacteristics (E07, process E03): master data of every point.</summary>
    public IEnumerable<MarketDocument> MasterDataDocuments()
    {
        var chunk = 0;
        foreach (var batch in Points().Chunk(Options.RecordsPerDocument))
        {
            chunk++;
            var id = $"{prefix}-E07-{chunk:D4}";
            var header = new CimHeader(id, "E07", "E03", Market.Documents.Gln.DataHub, "DDZ", Options.Supplier, "DDQ",
                Utc.Start - Duration.FromDays(19) + Duration.FromMinutes(chunk));
            var body = MasterDataWriter.Write(header, Options, batch.Select(p => ($"{prefix}-MP{p.Index + 1:D7}", $"{prefix}-T{p.Index + 1:D7}", p)));
            yield return new MarketDocument(DocumentKinds.MasterData, DocumentKinds.Xml, body, id);
        }
    }

    /// <summary>NotifyPriceList (D12): the charges' information (D18), then their prices for the month (D08).</summary>
    public IEnumerable<MarketDocument> PriceListDocuments()
    {
        var effective = DemoCharges.EffectiveDate(Options.Month);
        var created = Utc.Start - Duration.FromDays(10);
        var informationId = $"{prefix}-D18";
        yield return new MarketDocument(DocumentKinds.ChargeInformation, DocumentKinds.Xml,
            PriceListWriter.Information(new CimHeader(informationId, "D12", "D18", Market.Documents.Gln.DataHub, "DDZ", Options.Supplier, "DDQ", created), Charges, effective),
            informationId);
        var pricesId = $"{prefix}-D08";
        yield return new MarketDocument(DocumentKinds.ChargePrices, DocumentKinds.Xml,
            PriceListWriter.Prices(new CimHeader(pricesId, "D12", "D08", Market.Documents.Gln.DataHub, "DDZ", Options.Supplier, "DDQ", created + Duration.FromMinutes(1)),
                Charges, effective, Options.Month, days),
            pricesId);
    }

    /// <summary>NotifyBillingMasterData (D07): every point linked to its grid area's tariff and subscription and Energinet's tariffs.</summary>
    public IEnumerable<MarketDocument> ChargeLinkDocuments()
    {
        var effective = DemoCharges.EffectiveDate(Options.Month);
        var chunk = 0;
        foreach (var batch in Points().Chunk(Options.RecordsPerDocument))
        {
            chunk++;
            var id = $"{prefix}-D07-{chunk:D4}";
            var header = new CimHeader(id, "D07", "D17", Market.Documents.Gln.DataHub, "DDZ", Options.Supplier, "DDQ",
                Utc.Start - Duration.FromDays(9) + Duration.FromMinutes(chunk));
            var body = ChargeLinkWriter.Write(header, batch.Select(p => ($"{prefix}-L{p.Index + 1:D7}", p, DemoCharges.For(Charges, p.GridArea.Code),
                p.SupplyStartInstant > effective ? p.SupplyStartInstant : effective)));
            yield return new MarketDocument(DocumentKinds.ChargeLinks, DocumentKinds.Xml, body, id);
        }
    }

    /// <summary>The month's day-ahead prices, one Energi Data Service answer per price area.</summary>
    public IEnumerable<MarketDocument> SpotPriceDocuments()
    {
        foreach (var area in Options.PriceAreas)
        {
            var records = DemoSpotPrices.Records(Options.Seed, days, area);
            yield return new MarketDocument(DocumentKinds.SpotPrices, DocumentKinds.Json, SpotPriceWriter.Write(records),
                $"DayAheadPrices-{area}-{MonthPattern.Format(Options.Month)}");
        }
    }

    /// <summary>RSM-012 (E66, process E23) day by day, <see cref="DemoOptions.SeriesPerDocument"/> series a document.</summary>
    public IEnumerable<MarketDocument> MeterDataDocuments()
    {
        for (var d = 0; d < days.Length; d++)
        {
            var day = days[d];
            var dayText = DayPattern.Format(day.Date);
            var registered = day.Utc.End + Duration.FromHours(2);
            var chunk = 0;
            foreach (var batch in DeliveredSeries(d).Chunk(Options.SeriesPerDocument))
            {
                chunk++;
                var id = $"{prefix}-{dayText}-{chunk:D4}";
                var header = new CimHeader(id, "E66", "E23", Market.Documents.Gln.DataHub, "DGL", Options.Supplier, "DDQ",
                    day.Utc.End + Duration.FromHours(4) + Duration.FromSeconds(chunk));
                var body = MeterDataJsonWriter.Write(header, batch.Select(m =>
                    new MeterDataJsonWriter.Series($"{prefix}-{dayText}-S{m.Point.Index + 1:D7}", m, registered, null)));
                yield return new MarketDocument(DocumentKinds.MeterData, DocumentKinds.Json, body, id);
            }
        }
    }

    /// <summary>Every held-back period of every point with gaps, in point order.</summary>
    public IEnumerable<WithheldPeriod> Withheld() => Points().Where(p => p.HasGaps).SelectMany(Withheld);

    /// <summary>What the delivered documents leave out for <paramref name="point"/>: runs of A02 hours, or whole days.</summary>
    public IReadOnlyList<WithheldPeriod> Withheld(DemoMeteringPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var periods = new List<WithheldPeriod>();
        var gaps = GapPlan.Of(Options.Seed, point, days);
        foreach (var d in gaps.Select(g => g.DayIndex).Distinct().Order())
        {
            var day = days[d];
            var delivered = MeterDay.Delivered(Options.Seed, point, day, d, gaps);
            if (delivered is null)
            {
                periods.Add(new WithheldPeriod(point.Gsrn, day.Date, day.Utc, true));
                continue;
            }

            var step = point.Resolution.FixedLength!.Value;
            for (var i = 0; i < delivered.Qualities.Length; i++)
            {
                if (delivered.Qualities[i] != Quality.NotAvailable)
                {
                    continue;
                }

                var from = i;
                while (i + 1 < delivered.Qualities.Length && delivered.Qualities[i + 1] == Quality.NotAvailable)
                {
                    i++;
                }

                periods.Add(new WithheldPeriod(point.Gsrn, day.Date, new Interval(day.Utc.Start + (step * from), day.Utc.Start + (step * (i + 1))), false));
            }
        }

        return periods;
    }

    /// <summary>
    /// The series DataHub kept back for <paramref name="point"/> on the days of <paramref name="period"/>: per day with
    /// a gap, the whole day with its true values (held-back positions A04, the rest as delivered).
    /// </summary>
    internal IEnumerable<MeterDay> HeldBack(DemoMeteringPoint point, Interval period)
    {
        var gaps = GapPlan.Of(Options.Seed, point, days);
        foreach (var d in gaps.Select(g => g.DayIndex).Distinct().Order())
        {
            var day = days[d];
            if (day.Utc.Start < period.Start || day.Utc.End > period.End)
            {
                continue;
            }

            var truth = MeterDay.True(Options.Seed, point, day);
            if (MeterDay.Delivered(Options.Seed, point, day, d, gaps) is { } delivered)
            {
                for (var i = 0; i < truth.Qualities.Length; i++)
                {
                    truth.Qualities[i] = delivered.Qualities[i] == Quality.NotAvailable ? Quality.Measured : delivered.Qualities[i];
                }
            }

            yield return truth;
        }
    }

    private IEnumerable<MeterDay> DeliveredSeries(int dayIndex)
    {
        var day = days[dayIndex];
        for (var i = 0; i < Options.MeteringPoints; i++)
        {
            var point = Point(i);
            if (point.SupplyStart > day.Date)
            {
                continue;
            }

            var gaps = point.HasGaps ? GapPlan.Of(Options.Seed, point, days) : [];
            if (MeterDay.Delivered(Options.Seed, point, day, dayIndex, gaps) is { } delivered)
            {
                yield return delivered;
            }
        }
    }
}
