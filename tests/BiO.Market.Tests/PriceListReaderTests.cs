using BiO.Domain.Prices;
using BiO.Domain.Time;
using BiO.Market.Charges;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class PriceListReaderTests
{
    public static TheoryData<string> Pairs => new() { "d18-information", "d08-prices" };

    internal static NotifyPriceList ReadJson(string name)
    {
        using var stream = Fixture.Open($"Charges/{name}.json");
        return PriceListJsonReader.Read(stream);
    }

    internal static NotifyPriceList ReadXml(string name)
    {
        using var stream = Fixture.Open($"Charges/{name}.xml");
        return PriceListXmlReader.Read(stream);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Json_and_xml_with_the_same_content_read_to_equal_records(string name)
    {
        var json = ReadJson(name);
        var xml = ReadXml(name);

        Assert.Equal(json, xml);
        Assert.Equal(json.GetHashCode(), xml.GetHashCode());
        Assert.Equal(xml, PriceListXmlReader.Read(Fixture.Text($"Charges/{name}.xml")));
    }

    [Fact]
    public void Charge_information_reads_every_field_and_keeps_a_legacy_code_longer_than_10()
    {
        var document = ReadJson("d18-information");

        Assert.Equal(new MarketDocumentHeader("BIO-D12-INFO-1", "D12", ProcessType.ChargeInformation, "23",
            new MarketParticipant(Gln.DataHub, "DDZ"), new MarketParticipant(Gln.Parse("5790002000001"), "DDQ"),
            Instant.FromUtc(2025, 1, 2, 8, 15)), document.Header);
        Assert.Equal(["REC-INFO-1", "REC-INFO-2"], document.Records.Select(r => r.RecordId));
        var grid = Assert.Single(document.Records[0].Charges);
        Assert.Equal(new ChargeInformation(Gln.Parse("5790000610976"), ChargeType.Tariff, "40000", "Nettarif C time",
            "Grid tariff, hourly, Tarifmodel 3.0", Resolution.Hour, Instant.FromUtc(2024, 12, 31, 23, 0), null,
            VatClassification.Vat, false, false, ValueList<PriceSeries>.Empty), grid);
        var tax = Assert.Single(document.Records[1].Charges);
        Assert.Equal(("EA-001-LEGACY", true, true, Instant.FromUtc(2025, 12, 31, 23, 0)),
            (tax.Code, tax.TransparentInvoicing, tax.TaxIndicator, tax.TerminationDate));
    }

    [Fact]
    public void Prices_read_every_point_with_six_decimals()
    {
        var document = ReadXml("d08-prices");

        Assert.Equal(ProcessType.ChargePrices, document.Header.Process);
        var tariff = Assert.Single(document.Records[0].Charges);
        Assert.Equal((ChargeType.Tariff, "40000", (string?)null, (Resolution?)null), (tariff.Type, tariff.Code, tariff.Name, tariff.Resolution));
        var series = Assert.Single(tariff.PriceSeries);
        Assert.Equal(Resolution.Hour, series.Resolution);
        Assert.Equal(new Interval(Instant.FromUtc(2024, 12, 31, 23, 0), Instant.FromUtc(2025, 1, 1, 23, 0)), series.TimeInterval);
        Assert.Equal(Enumerable.Range(1, 24), series.Prices.Select(p => p.Position));
        Assert.Equal(new ChargePrice(1, 0.108312m), series.Prices[0]);
        Assert.Equal(new ChargePrice(18, 0.9751m), series.Prices[17]);
        var subscription = Assert.Single(document.Records[1].Charges);
        Assert.Equal(ChargeType.Subscription, subscription.Type);
        Assert.Equal([new ChargePrice(1, 21.25m), new ChargePrice(2, 22.5m)], subscription.PriceSeries[0].Prices);
    }

    [Fact]
    public void Records_differ_when_one_price_differs()
    {
        var changed = PriceListJsonReader.Read(Fixture.Text("Charges/d08-prices.json").Replace("0.108312", "0.108313", StringComparison.Ordinal));

        Assert.NotEqual(ReadJson("d08-prices"), changed);
    }
}
