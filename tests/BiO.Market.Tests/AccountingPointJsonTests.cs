using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.MeteringPoints;

namespace BiO.Market.Tests;

/// <summary>
/// The CIM JSON form of our E07 fixture (MeteringPoints/e07-characteristics.json; DataHub has no JSON schema for
/// it, so its shape is the CIM JSON convention applied to the E07 XSD) reads to the same records as the XML one;
/// JSON read errors name the JSON path.
/// </summary>
public sealed class AccountingPointJsonTests
{
    private const string Json = "$." + AccountingPointCharacteristicsJsonReader.RootName;
    private const string Point = Json + ".MktActivityRecord[0].MarketEvaluationPoint";
    private const string Name = "MeteringPoints/e07-characteristics";

    private static string Text() => Fixture.Text(Name + ".json");

    [Fact]
    public void Json_master_data_reads_to_the_records_of_the_xml_form()
    {
        using var stream = Fixture.Open(Name + ".json");
        var json = AccountingPointCharacteristicsJsonReader.Read(stream);

        Assert.Equal(AccountingPointCharacteristicsXmlReader.Read(Fixture.Text(Name + ".xml")), json);
        Assert.Equal(json, AccountingPointCharacteristicsJsonReader.Read(Text()));
        var point = json.Records[0].MeteringPoint;
        Assert.Equal(("Vestergade", "København K", "1456", "D06"), (point.Address!.StreetName, point.Address.City, point.Address.PostalCode, point.Children[0].Type));
        Assert.Equal(point.Gsrn, json.Records[1].MeteringPoint.Parent);
        Assert.Empty(AccountingPointValidator.Validate(json));
        Assert.Equal(AccountingPointCharacteristicsXmlReader.RootName, AccountingPointCharacteristicsJsonReader.RootName);
    }

    [Fact]
    public void An_empty_address_object_is_an_address_without_parts_as_in_xml()
    {
        var text = Text();
        var start = text.IndexOf("\"usagePointLocation.mainAddress\": {", StringComparison.Ordinal) + "\"usagePointLocation.mainAddress\": {".Length;
        var end = text.IndexOf("\n          },\n          \"Child_MarketEvaluationPoint\"", StringComparison.Ordinal);
        var xml = Fixture.Text(Name + ".xml");
        var xmlStart = xml.IndexOf("<cim:usagePointLocation.mainAddress>", StringComparison.Ordinal);
        var xmlEnd = xml.IndexOf("</cim:usagePointLocation.mainAddress>", StringComparison.Ordinal) + "</cim:usagePointLocation.mainAddress>".Length;

        var json = AccountingPointCharacteristicsJsonReader.Read(text.Remove(start, end - start));

        Assert.Equal(AccountingPointCharacteristicsXmlReader.Read(xml.Remove(xmlStart, xmlEnd - xmlStart).Insert(xmlStart, "<cim:usagePointLocation.mainAddress/>")), json);
        Assert.Equal(new PostalAddress(null, null, null, null, null, null, null, null, null, null), json.Records[0].MeteringPoint.Address);
    }

    [Theory]
    [InlineData("\"value\": \"571313000000002000\"\n          },\n          \"meteringPointResponsible", "\"value\": \"5713130000000020\"\n          },\n          \"meteringPointResponsible", "REC-MP-1",
        Point + ".mRID.value", "A GSRN has exactly 18 digits, got '5713130000000020' (16 characters).")]
    [InlineData("\"value\": \"E07\"", "\"value\": \"E66\"", null,
        Json + ".type.value", "Document type 'E66' is not E07 (AccountingPointCharacteristics_MarketDocument).")]
    [InlineData("\"value\": \"E03\"", "\"value\": \"E23\"", null,
        Json + ".process.processType.value", "Unknown process type 'E23'; expected E03, E06, E65, E20, E02, E32, E79 or D15.")]
    [InlineData("5790000610976", "579000061097X", "REC-MP-1",
        Point + ".meteringPointResponsible_MarketParticipant.mRID.value", "A GLN has exactly 13 digits, got '579000061097X' (13 characters).")]
    [InlineData("\"supplyStart_DateAndOrTime.dateTime\": \"2025-03-31T22:00:00Z\"", "\"supplyStart_DateAndOrTime.dateTime\": \"2025-04-01\"", "REC-MP-1",
        Point + ".supplyStart_DateAndOrTime.dateTime", "'2025-04-01' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("\"mRID\": \"REC-MP-2\",\n        \"validityStart_DateAndOrTime.dateTime\": \"2025-03-31T22:00:00Z\",", "\"mRID\": \"REC-MP-2\",", "REC-MP-2",
        Json + ".MktActivityRecord[1]", "'validityStart_DateAndOrTime.dateTime' is required but missing.")]
    [InlineData("\"value\": \"571313000000002000\"\n            }\n          }", "\"value\": \"57131300000000200A\"\n            }\n          }", "REC-MP-2",
        Json + ".MktActivityRecord[1].MarketEvaluationPoint.Parent_MarketEvaluationPoint.mRID.value", "A GSRN has exactly 18 digits, got '57131300000000200A' (18 characters).")]
    [InlineData("\"Parent_MarketEvaluationPoint\": {\n            \"mRID\"", "\"Parent_MarketEvaluationPoint\": {\n            \"id\"", "REC-MP-2",
        Json + ".MktActivityRecord[1].MarketEvaluationPoint.Parent_MarketEvaluationPoint", "'mRID' is required but missing.")]
    [InlineData("\"mRID\": {\n                \"codingScheme\": \"A10\",\n                \"value\": \"571313000000002017\"\n              },\n", "", "REC-MP-1",
        Point + ".Child_MarketEvaluationPoint[0]", "'mRID' is required but missing.")]
    [InlineData("\"mRID\": \"REC-MP-2\"", "\"mRID\": \" \"", null,
        Json + ".MktActivityRecord[1].mRID", "A value is required, got an empty text.")]
    [InlineData("\"Child_MarketEvaluationPoint\": [", "\"Child_MarketEvaluationPoint\": \"571313000000002017\", \"x\": [", "REC-MP-1",
        Point + ".Child_MarketEvaluationPoint", "Expected an array, got a string.")]
    public void Json_read_errors_name_document_record_and_path(string find, string replace, string? record, string place, string problem)
    {
        var text = Text();
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => AccountingPointCharacteristicsJsonReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-E07-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void Malformed_json_is_refused_at_its_place()
    {
        var text = Text().Replace("\"suiteNumber\": \"tv\"\n", "\"suiteNumber\": \"tv\",\n", StringComparison.Ordinal);
        Assert.NotEqual(Text(), text);

        var error = Assert.Throws<DocumentReadException>(() => AccountingPointCharacteristicsJsonReader.Read(text));

        Assert.Equal(("REC-MP-1", Point + ".usagePointLocation.mainAddress.streetDetail"), (error.SeriesId, error.Place));
        Assert.StartsWith("Malformed JSON: ", error.Problem, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 82 |", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_document_without_records_is_refused_at_the_document()
    {
        var text = Text();
        var start = text.IndexOf(",\n    \"MktActivityRecord\": [", StringComparison.Ordinal);
        var end = text.LastIndexOf("    ]\n", StringComparison.Ordinal) + "    ]".Length;

        var error = Assert.Throws<DocumentReadException>(() => AccountingPointCharacteristicsJsonReader.Read(text.Remove(start, end - start)));

        Assert.Equal((Json, "'MktActivityRecord' is required but missing."), (error.Place, error.Problem));
    }
}
