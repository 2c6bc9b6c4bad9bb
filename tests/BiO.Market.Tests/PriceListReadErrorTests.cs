using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>Each structural error of a price list names the document, the activity record and the exact place.</summary>
public sealed class PriceListReadErrorTests
{
    private const string Json = "$.NotifyPriceList_MarketDocument";
    private const string Xml = "/NotifyPriceList_MarketDocument";
    private const string JsonCharge = Json + ".MktActivityRecord[0].ChargeGroup.ChargeType[0]";
    private const string XmlCharge = Xml + "/MktActivityRecord[1]/ChargeGroup/ChargeType[1]";

    private static DocumentReadException Error(string fixture, string find, string replace)
    {
        var text = Fixture.Text($"Charges/{fixture}");
        Assert.Equal(2, text.Split(find).Length);
        var changed = text.Replace(find, replace, StringComparison.Ordinal);
        return fixture.EndsWith(".json", StringComparison.Ordinal)
            ? Assert.Throws<DocumentReadException>(() => PriceListJsonReader.Read(changed))
            : Assert.Throws<DocumentReadException>(() => PriceListXmlReader.Read(changed));
    }

    [Theory]
    [InlineData("d18-information.json", "\"value\": \"5790000610976\"", "\"value\": \"Owner1\"",
        JsonCharge + ".chargeTypeOwner_MarketParticipant.mRID.value", "A GLN has exactly 13 digits, got 'Owner1' (6 characters).")]
    [InlineData("d18-information.json", "\"mRID\": \"40000\",\n              \"chargeTypeOwner_MarketParticipant.mRID\": {\n                \"codingScheme\": \"A10\",\n                \"value\": \"5790000610976\"\n              },\n              \"type\": {\n                \"value\": \"D03\"",
        "\"mRID\": \"40000\",\n              \"chargeTypeOwner_MarketParticipant.mRID\": {\n                \"codingScheme\": \"A10\",\n                \"value\": \"5790000610976\"\n              },\n              \"type\": {\n                \"value\": \"D04\"",
        JsonCharge + ".type.value", "Unknown charge type 'D04'; expected D01 (subscription), D02 (fee) or D03 (tariff).")]
    [InlineData("d18-information.json", "\"value\": \"D01\"\n              },\n              \"transparentInvoicing\": false", "\"value\": \"D03\"\n              },\n              \"transparentInvoicing\": false",
        JsonCharge + ".VATPayer.value", "Unknown VAT classification 'D03'; expected D01 (VAT) or D02 (no VAT).")]
    [InlineData("d18-information.json", "\"transparentInvoicing\": false", "\"transparentInvoicing\": \"no\"",
        JsonCharge + ".transparentInvoicing", "'no' is not true or false.")]
    [InlineData("d18-information.json", "\"priceTimeFrame_Period.resolution\": \"PT1H\",\n              \"effectiveDate\": \"2024-12-31T23:00:00Z\",\n              \"VATPayer\"",
        "\"priceTimeFrame_Period.resolution\": \"PT30M\",\n              \"effectiveDate\": \"2024-12-31T23:00:00Z\",\n              \"VATPayer\"",
        JsonCharge + ".priceTimeFrame_Period.resolution", "Unknown resolution 'PT30M'; expected PT15M, PT1H, P1D or P1M.")]
    [InlineData("d18-information.json", "\"effectiveDate\": \"2024-12-31T23:00:00Z\",\n              \"VATPayer\": {\n                \"value\": \"D01\"\n              },\n              \"transparentInvoicing\": false",
        "\"VATPayer\": {\n                \"value\": \"D01\"\n              },\n              \"transparentInvoicing\": false",
        JsonCharge, "'effectiveDate' is required but missing.")]
    [InlineData("d08-prices.json", "\"value\": 0.108312", "\"value\": 0.1083125",
        JsonCharge + ".Series_Period[0].Point[0].price.amount.value", "Price 0.1083125 has more than 6 decimals.")]
    [InlineData("d08-prices.json", "\"value\": 0.108312", "\"value\": \"cheap\"",
        JsonCharge + ".Series_Period[0].Point[0].price.amount.value", "Price 'cheap' is not a number.")]
    [InlineData("d08-prices.json", "\"value\": 0.108312\n", "\"unit\": \"DKK\"\n",
        JsonCharge + ".Series_Period[0].Point[0].price.amount", "'value' is required but missing.")]
    [InlineData("d08-prices.json", "\"end\": {\n                      \"value\": \"2025-01-01T23:00Z\"", "\"end\": {\n                      \"value\": \"2024-12-30T23:00Z\"",
        JsonCharge + ".Series_Period[0].timeInterval", "The interval ends at 2024-12-30T23:00Z, before it starts at 2024-12-31T23:00Z.")]
    [InlineData("d08-prices.json", "\"value\": 1\n                      },\n                      \"price.amount\": {\n                        \"value\": 0.108312",
        "\"value\": 1.5\n                      },\n                      \"price.amount\": {\n                        \"value\": 0.108312",
        JsonCharge + ".Series_Period[0].Point[0].position.value", "Position '1.5' is not a whole number.")]
    [InlineData("d08-prices.json", "\"resolution\": \"PT1H\",", "",
        JsonCharge + ".Series_Period[0]", "'resolution' is required but missing.")]
    public void Json_errors_name_document_record_and_path(string fixture, string find, string replace, string place, string problem)
    {
        var error = Error(fixture, find, replace);

        Assert.Equal(fixture.StartsWith("d18", StringComparison.Ordinal) ? ("BIO-D12-INFO-1", "REC-INFO-1") : ("BIO-D12-PRICES-1", "REC-PRICE-1"),
            (error.DocumentId!, error.SeriesId!));
        Assert.Equal((place, problem), (error.Place, error.Problem));
    }

    [Theory]
    [InlineData("d18-information.xml", "<cim:taxIndicator>false</cim:taxIndicator>", "<cim:taxIndicator>0</cim:taxIndicator>",
        "line 25, position 10 (" + XmlCharge + "/taxIndicator)", "'0' is not true or false.")]
    [InlineData("d18-information.xml", "<cim:mRID>40000</cim:mRID>", "<cim:mRID> </cim:mRID>",
        "line 18, position 10 (" + XmlCharge + "/mRID)", "A value is required, got an empty text.")]
    [InlineData("d18-information.xml", "<cim:effectiveDate>2024-12-31T23:00:00Z</cim:effectiveDate>\n        <cim:VATPayer>D01</cim:VATPayer>\n        <cim:transparentInvoicing>false",
        "<cim:effectiveDate>2025-01-01</cim:effectiveDate>\n        <cim:VATPayer>D01</cim:VATPayer>\n        <cim:transparentInvoicing>false",
        "line 22, position 10 (" + XmlCharge + "/effectiveDate)", "'2025-01-01' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("d08-prices.xml", "<cim:position>2</cim:position>\n            <cim:price.amount>0.1083<", "<cim:position>two</cim:position>\n            <cim:price.amount>0.1083<",
        "line 31, position 14 (" + XmlCharge + "/Series_Period[1]/Point[2]/position)", "Position 'two' is not a whole number.")]
    [InlineData("d08-prices.xml", "<cim:price.amount>0.108312</cim:price.amount>", "<cim:price.amount>0,108312</cim:price.amount>",
        "line 28, position 14 (" + XmlCharge + "/Series_Period[1]/Point[1]/price.amount)", "Price '0,108312' is not a number.")]
    [InlineData("d08-prices.xml", "            <cim:position>3</cim:position>\n", "",
        "line 34, position 12 (" + XmlCharge + "/Series_Period[1]/Point[3])", "'position' is required but missing.")]
    [InlineData("d08-prices.xml", "            <cim:start>2024-12-31T23:00Z</cim:start>\n            <cim:end>2025-01-01T23:00Z</cim:end>\n",
        "            <cim:end>2025-01-01T23:00Z</cim:end>\n",
        "line 22, position 12 (" + XmlCharge + "/Series_Period[1]/timeInterval)", "'start' is required but missing.")]
    [InlineData("d08-prices.xml", "<cim:chargeTypeOwner_MarketParticipant.mRID codingScheme=\"A10\">5790000610976</cim:chargeTypeOwner_MarketParticipant.mRID>\n        <cim:type>D03</cim:type>\n        <cim:mRID>40000",
        "<cim:type>D03</cim:type>\n        <cim:mRID>40000",
        "line 15, position 8 (" + XmlCharge + ")", "'chargeTypeOwner_MarketParticipant.mRID' is required but missing.")]
    public void Xml_errors_name_document_record_line_position_and_element(string fixture, string find, string replace, string place, string problem)
    {
        var error = Error(fixture, find, replace);

        Assert.Equal(fixture.StartsWith("d18", StringComparison.Ordinal) ? ("BIO-D12-INFO-1", "REC-INFO-1") : ("BIO-D12-PRICES-1", "REC-PRICE-1"),
            (error.DocumentId!, error.SeriesId!));
        Assert.Equal((place, problem), (error.Place, error.Problem));
    }

    [Fact]
    public void Header_errors_name_the_document_and_no_record()
    {
        var process = Error("d08-prices.xml", "<cim:process.processType>D08", "<cim:process.processType>E23");
        Assert.Equal(("BIO-D12-PRICES-1", (string?)null, "line 5, position 4 (" + Xml + "/process.processType)", "Unknown process type 'E23'; expected D18 or D08."),
            (process.DocumentId, process.SeriesId, process.Place, process.Problem));

        var type = Error("d08-prices.json", "\"value\": \"D12\"", "\"value\": \"E66\"");
        Assert.Equal((Json + ".type.value", "Document type 'E66' is not D12 (NotifyPriceList_MarketDocument)."), (type.Place, type.Problem));
    }

    [Fact]
    public void A_record_without_its_mrid_or_charge_group_cannot_be_read()
    {
        var noId = Error("d08-prices.json", "\"mRID\": \"REC-PRICE-2\",", string.Empty);
        Assert.Equal((Json + ".MktActivityRecord[1]", "'mRID' is required but missing.", (string?)null), (noId.Place, noId.Problem, noId.SeriesId));

        var noGroup = Error("d18-information.xml", "<cim:mRID>REC-INFO-2</cim:mRID>\n    <cim:ChargeGroup>", "<cim:mRID>REC-INFO-2</cim:mRID>\n    <cim:ChargeGroupX>");
        Assert.StartsWith("Malformed XML:", noGroup.Problem, StringComparison.Ordinal);
    }
}
