using System.Text.Json.Nodes;

namespace BiO.Market.Tests;

/// <summary>
/// Our JSON fixtures of the documents read in both forms (392, confirm, reject, D07, E07) are exactly the CIM JSON
/// form of their XML fixtures (<see cref="CimJsonForm"/>), so the two cannot drift apart.
/// </summary>
public sealed class CimJsonFormTests
{
    [Theory]
    [InlineData("Supply/request-e03")]
    [InlineData("Supply/confirm-e03")]
    [InlineData("Supply/reject-e03")]
    [InlineData("Charges/d07-links")]
    [InlineData("MeteringPoints/e07-characteristics")]
    public void Our_json_fixture_is_the_cim_json_form_of_its_xml_fixture(string fixture)
    {
        var form = JsonNode.Parse(CimJsonForm.FromXml(Fixture.Text(fixture + ".xml")));

        Assert.True(JsonNode.DeepEquals(form, JsonNode.Parse(Fixture.Text(fixture + ".json"))), $"{fixture}.json differs from the CIM JSON form of {fixture}.xml.");
    }

    [Fact]
    public void The_form_comparison_itself_can_fail()
    {
        var form = JsonNode.Parse(CimJsonForm.FromXml(Fixture.Text("Charges/d07-links.xml")));
        var changed = Fixture.Text("Charges/d07-links.json").Replace("\"factor\": 2,", "\"factor\": \"2\",", StringComparison.Ordinal);

        Assert.False(JsonNode.DeepEquals(form, JsonNode.Parse(changed)));
    }
}
