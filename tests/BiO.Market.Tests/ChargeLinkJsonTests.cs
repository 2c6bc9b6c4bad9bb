using BiO.Market.Charges;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>
/// The CIM JSON form of our D07 fixture (Charges/d07-links.json; DataHub has no JSON schema for it, so its shape is
/// the CIM JSON convention) reads to the same records as the XML one; JSON read errors name the JSON path.
/// </summary>
public sealed class ChargeLinkJsonTests
{
    private const string Json = "$." + BillingMasterDataJsonReader.RootName;
    private const string Charge = Json + ".MktActivityRecord[0].ChargeGroup.ChargeType";

    private static string Text() => Fixture.Text("Charges/d07-links.json");

    [Fact]
    public void Json_links_read_to_the_records_of_the_xml_form()
    {
        using var stream = Fixture.Open("Charges/d07-links.json");
        var json = BillingMasterDataJsonReader.Read(stream);

        Assert.Equal(BillingMasterDataXmlReader.Read(Fixture.Text("Charges/d07-links.xml")), json);
        Assert.Equal(json, BillingMasterDataJsonReader.Read(Text()));
        Assert.Equal([2, 1], json.Records.Select(r => r.Links.Count));
        Assert.Equal(BillingMasterDataXmlReader.RootName, BillingMasterDataJsonReader.RootName);
    }

    [Fact]
    public void The_validator_finds_the_same_rule_breaks_in_the_json_form()
    {
        Assert.Equal(ChargeLinkValidator.Validate(BillingMasterDataXmlReader.Read(Fixture.Text("Charges/d07-links.xml"))),
            ChargeLinkValidator.Validate(BillingMasterDataJsonReader.Read(Text())));
        Assert.Equal(4, ChargeLinkValidator.Validate(BillingMasterDataJsonReader.Read(Text())).Count);
    }

    [Fact]
    public void A_factor_as_text_reads_like_the_number()
    {
        var quoted = Text().Replace("\"factor\": 2,", "\"factor\": \"2\",", StringComparison.Ordinal);
        Assert.NotEqual(Text(), quoted);

        Assert.Equal(BillingMasterDataJsonReader.Read(Text()), BillingMasterDataJsonReader.Read(quoted));
    }

    [Theory]
    [InlineData("\"value\": \"571313000000002000\"", "\"value\": \"57131300000000200\"", "REC-LINK-1",
        Json + ".MktActivityRecord[0].marketEvaluationPoint.mRID.value", "A GSRN has exactly 18 digits, got '57131300000000200' (17 characters).")]
    [InlineData("\"factor\": 2,", "\"factor\": \"two\",", "REC-LINK-1",
        Charge + "[1].factor", "Factor 'two' is not a whole number.")]
    [InlineData("\"factor\": 2,", "\"factor\": 2.5,", "REC-LINK-1",
        Charge + "[1].factor", "Factor '2.5' is not a whole number.")]
    [InlineData("\"factor\": 1,\n", "", "REC-LINK-1",
        Charge + "[0]", "'factor' is required but missing.")]
    [InlineData("\"value\": \"D01\"", "\"value\": \"E01\"", "REC-LINK-1",
        Charge + "[1].type.value", "Unknown charge type 'E01'; expected D01 (subscription), D02 (fee) or D03 (tariff).")]
    [InlineData("\"marketEvaluationPoint.mRID\": {\n          \"codingScheme\": \"A10\",\n          \"value\": \"571313000000002017\"\n        },\n", "", "REC-LINK-2",
        Json + ".MktActivityRecord[1]", "'marketEvaluationPoint.mRID' is required but missing.")]
    [InlineData("\"effectiveDate\": \"2025-01-01T00:00:00Z\"", "\"effectiveDate\": \"2025-01-01T00:00:00+01:00\"", "REC-LINK-2",
        Json + ".MktActivityRecord[1].ChargeGroup.ChargeType[0].effectiveDate", "'2025-01-01T00:00:00+01:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("\"value\": \"D17\"", "\"value\": \"D18\"", null,
        Json + ".process.processType.value", "Unknown process type 'D18'; expected D17.")]
    [InlineData("\"value\": \"571313000000002000\"\n        },\n        \"ChargeGroup\": {\n          \"ChargeType\": [",
        "\"value\": \"571313000000002000\"\n        },\n        \"ChargeGroup\": {\n          \"ChargeTypes\": [", "REC-LINK-1",
        Json + ".MktActivityRecord[0]", "'ChargeGroup.ChargeType' is required but missing.")]
    [InlineData("\"ChargeGroup\": {\n          \"ChargeType\": [\n            {\n              \"chargeTypeOwner_MarketParticipant.mRID\": {\n                \"codingScheme\": \"A10\",\n                \"value\": \"5790000432752\"",
        "\"ChargeGroup\": [\n          \"ChargeType\": [\n            {\n              \"chargeTypeOwner_MarketParticipant.mRID\": {\n                \"codingScheme\": \"A10\",\n                \"value\": \"5790000432752\"", "REC-LINK-2",
        Json + ".MktActivityRecord[1].ChargeGroup", "Expected an object, got an array.")]
    public void Json_read_errors_name_document_record_and_path(string find, string replace, string? record, string place, string problem)
    {
        var text = Text();
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => BillingMasterDataJsonReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-D07-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }
}
