using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>
/// RSM-019: DataHub publishes no NotifyWholesaleServices sample, so our own fixtures (JSON and XML of the same
/// content) are checked against DataHub's XSD and JSON schema in ../shared/datahub (skipped when it is absent), and
/// shown to read to equal records.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class WholesaleServicesConformanceTests
{
    private const string Xsd = "urn-ediel-org-measure-notifywholesaleservices-0-1.xsd";
    private const string JsonSchema = "Notify-wholesale-services-assembly-model.schema.json";

    [SharedFact]
    public void The_xml_fixture_is_valid_against_DataHubs_xsd()
    {
        using var xml = Fixture.Open(WholesaleServicesReaderTests.XmlFixture);

        Assert.Empty(SharedDataHub.XsdErrors(Xsd, xml));
    }

    [SharedFact]
    public void The_json_fixture_is_valid_against_DataHubs_json_schema()
    {
        Assert.Empty(SharedDataHub.JsonSchemaErrors(JsonSchema, Fixture.Text(WholesaleServicesReaderTests.JsonFixture)));
    }

    [SharedFact]
    public void The_schemas_refuse_what_they_should_so_the_checks_above_can_fail()
    {
        var json = Fixture.Text(WholesaleServicesReaderTests.JsonFixture).Replace("\"value\": \"D32\"", "\"value\": \"X99\"", StringComparison.Ordinal);
        var xml = Fixture.Text(WholesaleServicesReaderTests.XmlFixture).Replace("<cim:position>1</cim:position>", "<cim:position>0</cim:position>", StringComparison.Ordinal);

        Assert.NotEmpty(SharedDataHub.JsonSchemaErrors(JsonSchema, json));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        Assert.NotEmpty(SharedDataHub.XsdErrors(Xsd, stream));
    }

    [SharedFact]
    public void The_valid_fixtures_read_to_equal_records()
    {
        Assert.Equal(
            WholesaleServicesJsonReader.Read(Fixture.Text(WholesaleServicesReaderTests.JsonFixture)),
            WholesaleServicesXmlReader.Read(Fixture.Text(WholesaleServicesReaderTests.XmlFixture)));
    }
}
