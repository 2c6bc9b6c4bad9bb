using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Measurements;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class ValidatedMeasureDataReaderTests
{
    public static TheoryData<string> Pairs => new() { "pt1h-all-qualities", "pt15m-dst-days", "pt1h-six-of-24", "pt1h-rule-breaks" };

    private static ValidatedMeasureData ReadJson(string name)
    {
        using var stream = Fixture.Open($"Rsm012/{name}.json");
        return ValidatedMeasureDataJsonReader.Read(stream);
    }

    private static ValidatedMeasureData ReadXml(string name)
    {
        using var stream = Fixture.Open($"Rsm012/{name}.xml");
        return ValidatedMeasureDataXmlReader.Read(stream);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Json_and_xml_with_the_same_content_read_to_equal_records(string name)
    {
        var json = ReadJson(name);
        var xml = ReadXml(name);

        Assert.Equal(json, xml);
        Assert.Equal(json.GetHashCode(), xml.GetHashCode());
        Assert.Equal(json, ValidatedMeasureDataJsonReader.Read(Fixture.Text($"Rsm012/{name}.json")));
        Assert.Equal(xml, ValidatedMeasureDataXmlReader.Read(Fixture.Text($"Rsm012/{name}.xml")));
    }

    [Fact]
    public void Records_differ_when_one_quantity_differs()
    {
        var json = ReadJson("pt1h-all-qualities");
        var changed = ValidatedMeasureDataJsonReader.Read(
            Fixture.Text("Rsm012/pt1h-all-qualities.json").Replace("\"quantity\": 0.625", "\"quantity\": 0.626", StringComparison.Ordinal));

        Assert.NotEqual(json, changed);
    }

    [Fact]
    public void Pt1h_document_reads_header_series_and_every_quality()
    {
        var document = ReadJson("pt1h-all-qualities");

        var header = document.Header;
        Assert.Equal("BIO-FIX-PT1H", header.DocumentId);
        Assert.Equal("E66", header.Type);
        Assert.Equal(ProcessType.PeriodicMetering, header.Process);
        Assert.Equal("23", header.BusinessSector);
        Assert.Equal(new MarketParticipant(Gln.DataHub, "DGL"), header.Sender);
        Assert.Equal(new MarketParticipant(Gln.Parse("5799999933318"), "DDQ"), header.Receiver);
        Assert.Equal(Instant.FromUtc(2024, 7, 30, 7, 30, 54), header.CreatedAt);

        var series = Assert.Single(document.Series);
        Assert.Equal("S-PT1H-1", series.SeriesId);
        Assert.Equal(Gsrn.Parse("571313000000002000"), series.MeteringPoint);
        Assert.Equal(MeteringPointType.Consumption, series.MeteringPointType);
        Assert.Equal("KWH", series.Unit);
        Assert.Equal(Instant.FromUtc(2024, 6, 30, 5, 0), series.RegisteredAt);
        Assert.Null(series.OriginalTransactionId);
        Assert.Equal("8716867000030", series.Product);
        Assert.Same(Resolution.Hour, series.Period.Resolution);
        Assert.Equal(new Interval(Instant.FromUtc(2024, 6, 28, 22, 0), Instant.FromUtc(2024, 6, 29, 22, 0)), series.Period.TimeInterval);

        var points = series.Period.Points;
        Assert.Equal(24, points.Count);
        Assert.Equal(new MeasurePoint(1, 0.625m, Quality.Adjusted), points[0]);
        Assert.Equal(new MeasurePoint(6, null, Quality.NotAvailable), points[5]);
        Assert.Equal(new MeasurePoint(12, 2m, Quality.Measured), points[11]); // no quality in the document: A04
        Assert.Equal(new MeasurePoint(24, 3.5m, Quality.Measured), points[23]);
        Assert.Equal(Enum.GetValues<Quality>().Order(), points.Select(p => p.Quality).Distinct().Order());
        Assert.Empty(MeasureDataValidator.Validate(document));
    }

    [Fact]
    public void Dst_days_have_92_and_100_quarter_hours_and_are_complete()
    {
        var document = ReadXml("pt15m-dst-days");

        Assert.Equal(ProcessType.HistoricalData, document.Header.Process);
        var (spring, autumn) = (document.Series[0], document.Series[1]);
        Assert.Equal(BillingTime.Day(new LocalDate(2024, 3, 31)), spring.Period.TimeInterval);
        Assert.Equal(BillingTime.Day(new LocalDate(2024, 10, 27)), autumn.Period.TimeInterval);
        Assert.Same(Resolution.QuarterHour, spring.Period.Resolution);
        Assert.Equal(92, spring.Period.Points.Count);
        Assert.Equal(100, autumn.Period.Points.Count);
        Assert.Equal("REQ-1", spring.OriginalTransactionId);
        Assert.Equal(MeteringPointType.Production, autumn.MeteringPointType);
        Assert.Empty(MeasureDataValidator.Validate(document));
    }

    [Fact]
    public void A_parser_fixture_with_6_of_24_hours_reads_and_validation_reports_the_absent_points()
    {
        var document = ReadJson("pt1h-six-of-24");

        var problem = Assert.Single(MeasureDataValidator.Validate(document));
        Assert.Equal(new MeasureDataProblem("BIO-FIX-SIX", "S-SIX", "Series[0].Period", "Points 7..24 of 24 are absent."), problem);
    }

    [Fact]
    public void A_document_without_series_reads_to_an_empty_list()
    {
        var text = Fixture.Text("Rsm012/pt1h-six-of-24.xml");
        var start = text.IndexOf("  <cim:Series>", StringComparison.Ordinal);
        var end = text.IndexOf("</cim:Series>", StringComparison.Ordinal) + "</cim:Series>\n".Length;

        var document = ValidatedMeasureDataXmlReader.Read(text.Remove(start, end - start));

        Assert.Empty(document.Series);
        Assert.Equal("BIO-FIX-SIX", document.Header.DocumentId);
    }
}
