using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Charges;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;
using BiO.Market.MeteringPoints;
using BiO.Market.Spot;
using BiO.Market.Supply;
using NodaTime;

namespace BiO.Demo.Tests;

public sealed class ReadAndValidateTests
{
    private static readonly DemoMonth Month = new(Documents.Small);

    [Fact]
    public void Every_document_of_every_kind_reads_and_validates_without_a_problem()
    {
        var kinds = new HashSet<string>();
        RequestChangeOfSupplier? request = null;
        var problems = new List<string>();
        foreach (var document in Month.Documents())
        {
            kinds.Add(document.Kind);
            using var stream = Documents.Stream(document);
            switch (document.Kind)
            {
                case DocumentKinds.SupplyRequest:
                    request = ChangeOfSupplierXmlReader.ReadRequest(stream);
                    Assert.Equal(document.DocumentId, request.Header.DocumentId);
                    problems.AddRange(SupplyChangeValidator.Validate(request).Select(p => p.ToString()));
                    break;
                case DocumentKinds.SupplyConfirm:
                    var confirm = ChangeOfSupplierXmlReader.ReadConfirm(stream);
                    var changes = ConfirmedSupplyChanges.Of(request!, confirm);
                    problems.AddRange(changes.Problems.Select(p => p.ToString()));
                    Assert.Equal(request!.Records.Count, changes.Changes.Count);
                    break;
                case DocumentKinds.MasterData:
                    var masterData = AccountingPointCharacteristicsXmlReader.Read(stream);
                    problems.AddRange(AccountingPointValidator.Validate(masterData).Select(p => p.ToString()));
                    problems.AddRange(masterData.Records.SelectMany((r, i) =>
                        MasterDataMapping.Map(masterData.Header.DocumentId, i, r, a => Month.Options.GridAreaPriceAreas.GetValueOrDefault(a)).Problems.Select(p => p.ToString())));
                    break;
                case DocumentKinds.ChargeInformation or DocumentKinds.ChargePrices:
                    problems.AddRange(PriceListValidator.Validate(PriceListXmlReader.Read(stream)).Select(p => p.ToString()));
                    break;
                case DocumentKinds.ChargeLinks:
                    problems.AddRange(ChargeLinkValidator.Validate(BillingMasterDataXmlReader.Read(stream)).Select(p => p.ToString()));
                    break;
                case DocumentKinds.SpotPrices:
                    var prices = DayAheadPricesReader.Read(stream);
                    Assert.Equal(Month.Utc.Duration.TotalMinutes / 15, prices.Count);
                    Assert.Equal(Resolution.QuarterHour, DayAheadPricesReader.ToSpotPrices(prices, prices[0].Area, Month.Utc.End).Resolution);
                    break;
                case DocumentKinds.MeterData:
                    var meterData = ValidatedMeasureDataJsonReader.Read(document.Body);
                    Assert.Equal(document.DocumentId, meterData.Header.DocumentId);
                    problems.AddRange(MeasureDataValidator.Validate(meterData).Select(p => p.ToString()));
                    break;
                default:
                    Assert.Fail($"Unexpected kind {document.Kind}.");
                    break;
            }
        }

        Assert.Empty(problems);
        string[] expected =
        [
            DocumentKinds.SupplyRequest, DocumentKinds.SupplyConfirm, DocumentKinds.MasterData, DocumentKinds.ChargeInformation,
            DocumentKinds.ChargePrices, DocumentKinds.ChargeLinks, DocumentKinds.SpotPrices, DocumentKinds.MeterData,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Documents_carry_the_roots_the_market_intake_routes_on()
    {
        var roots = Month.Documents().Where(d => d.Kind != DocumentKinds.SpotPrices)
            .GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Select(Documents.RootOf).Distinct().Single());

        Assert.Equal(ChangeOfSupplierXmlReader.RequestRoot, roots[DocumentKinds.SupplyRequest]);
        Assert.Equal(ChangeOfSupplierXmlReader.ConfirmRoot, roots[DocumentKinds.SupplyConfirm]);
        Assert.Equal(AccountingPointCharacteristicsXmlReader.RootName, roots[DocumentKinds.MasterData]);
        Assert.Equal(PriceListXmlReader.RootName, roots[DocumentKinds.ChargeInformation]);
        Assert.Equal(PriceListXmlReader.RootName, roots[DocumentKinds.ChargePrices]);
        Assert.Equal(BillingMasterDataXmlReader.RootName, roots[DocumentKinds.ChargeLinks]);
        Assert.Equal(ValidatedMeasureDataJsonReader.RootName, roots[DocumentKinds.MeterData]);
    }

    [Fact]
    public void Every_point_is_requested_confirmed_described_and_linked_to_its_five_charges()
    {
        var gsrns = Month.Points().Select(p => p.Gsrn).ToHashSet();
        var requested = Month.SupplyDocuments().Where(d => d.Kind == DocumentKinds.SupplyRequest)
            .SelectMany(d => ChangeOfSupplierXmlReader.ReadRequest(Documents.Stream(d)).Records).ToList();
        var described = Month.MasterDataDocuments().SelectMany(d => AccountingPointCharacteristicsXmlReader.Read(Documents.Stream(d)).Records).ToList();
        var links = Month.ChargeLinkDocuments().SelectMany(d => BillingMasterDataXmlReader.Read(Documents.Stream(d)).Records).ToList();

        Assert.Equal(gsrns, requested.Select(r => r.MeteringPoint).ToHashSet());
        Assert.Equal(Month.Options.MeteringPoints, requested.Count);
        Assert.Equal(gsrns, described.Select(r => r.MeteringPoint.Gsrn).ToHashSet());
        Assert.All(described, r => Assert.Equal(("E17", r.ValidFrom), (r.MeteringPoint.Type, r.MeteringPoint.SupplyStart!.Value)));
        Assert.All(described, r => Assert.Contains(r.MeteringPoint.SettlementMethod, new[] { "D01", "E02" }));
        Assert.Equal(gsrns, links.Select(r => r.MeteringPoint).ToHashSet());
        var points = Month.Points().ToDictionary(p => p.Gsrn);
        Assert.All(links, r =>
        {
            Assert.Equal(5, r.Links.Count);
            Assert.Contains(r.Links, l => l.Code == $"C-TOU-{points[r.MeteringPoint].GridArea.Code}" && l.Type == ChargeType.Tariff);
            Assert.Contains(r.Links, l => l.Code == $"ABON-{points[r.MeteringPoint].GridArea.Code}" && l.Type == ChargeType.Subscription);
            Assert.Contains(r.Links, l => l.Code == "EA-001");
        });
    }

    [Fact]
    public void The_price_lists_hold_time_of_use_grid_tariffs_Energinet_tariffs_the_tax_and_subscriptions()
    {
        var documents = Month.PriceListDocuments().Select(d => PriceListXmlReader.Read(Documents.Stream(d))).ToList();
        var information = documents.Single(d => d.Header.Process == BiO.Market.Documents.ProcessType.ChargeInformation).Records.SelectMany(r => r.Charges).ToList();
        var prices = documents.Single(d => d.Header.Process == BiO.Market.Documents.ProcessType.ChargePrices).Records.SelectMany(r => r.Charges).ToDictionary(c => c.Code);

        var tax = Assert.Single(information, c => c.TaxIndicator == true);
        Assert.Equal(("EA-001", ChargeType.Tariff, "5790000432752"), (tax.Code, tax.Type, tax.Owner.Value));
        Assert.All(prices["EA-001"].PriceSeries.SelectMany(s => s.Prices), p => Assert.Equal(0.008m, p.Amount));
        Assert.Equal(2, information.Count(c => c.Type == ChargeType.Subscription));
        Assert.All(information.Where(c => c.Type == ChargeType.Tariff), c => Assert.Equal(Resolution.Hour, c.Resolution));

        // March is winter: 00-06 low, 17-21 peak, the rest high; one series per local day.
        var grid = prices["C-TOU-344"];
        Assert.Equal(31, grid.PriceSeries.Count);
        var firstDay = grid.PriceSeries[0].Prices.Select(p => p.Amount).ToList();
        Assert.Equal(24, firstDay.Count);
        Assert.True(firstDay[0] < firstDay[8] && firstDay[8] < firstDay[18], string.Join(", ", firstDay));
        Assert.Equal(firstDay[0], firstDay[5]);
        Assert.Equal(firstDay[17], firstDay[20]);
        Assert.Equal(firstDay[6], firstDay[21]);
        Assert.Equal(Month.Utc, Assert.Single(prices["ABON-344"].PriceSeries).TimeInterval);
    }

    [Fact]
    public void Meter_data_is_a_household_profile_in_kWh_with_three_decimals_and_some_estimated_hours()
    {
        var series = Documents.DeliveredSeries(Month).Values.ToList();
        var points = series.SelectMany(s => s.Period.Points).ToList();

        Assert.All(points.Where(p => p.Quantity is not null), p => Assert.Equal(p.Quantity!.Value, decimal.Round(p.Quantity.Value, 3)));
        Assert.All(points.Where(p => p.Quantity is not null), p => Assert.InRange(p.Quantity!.Value, 0m, 10m));
        Assert.Contains(points, p => p.Quality == BiO.Domain.TimeSeries.Quality.Estimated);
        Assert.Contains(series, s => s.Period.Resolution == Resolution.Hour);
        Assert.Contains(series, s => s.Period.Resolution == Resolution.QuarterHour);
        var perDay = series.GroupBy(s => s.MeteringPoint).Select(g => g.Average(s => s.Period.Points.Sum(p => p.Quantity ?? 0))).ToList();
        Assert.InRange(perDay.Average(), 4m, 25m);
        Assert.All(Month.MeterDataDocuments().Take(3).Select(Documents.MeterData),
            d => Assert.Equal(BiO.Market.Documents.ProcessType.PeriodicMetering, d.Header.Process));
    }

    [Fact]
    public void A_point_gets_meter_data_only_from_the_day_our_supply_starts()
    {
        var series = Documents.DeliveredSeries(Month);
        var starters = Month.Points().Where(p => p.SupplyStart > Month.Options.Month.OnDayOfMonth(1)).ToList();

        Assert.NotEmpty(starters);
        foreach (var point in starters)
        {
            var days = series.Keys.Where(k => k.Gsrn == point.Gsrn.Value).Select(k => BillingTime.DayOf(k.Start)).ToList();
            Assert.True(days.Count > 0);
            Assert.True(days.Min() >= point.SupplyStart);
        }
    }
}
