using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>Each structural error names the document, the series and the exact place, and says what is wrong.</summary>
public sealed class ReadErrorTests
{
    private const string Doc = "NotifyValidatedMeasureData_MarketDocument";
    private const string Json = "$.NotifyValidatedMeasureData_MarketDocument";
    private const string Xml = "/NotifyValidatedMeasureData_MarketDocument";

    private static DocumentReadException JsonError(string find, string replace)
    {
        var text = Fixture.Text("Rsm012/pt1h-all-qualities.json");
        Assert.Equal(1, CountOf(text, find));
        return Assert.Throws<DocumentReadException>(() => ValidatedMeasureDataJsonReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));
    }

    private static DocumentReadException XmlError(string find, string replace)
    {
        var text = Fixture.Text("Rsm012/pt1h-all-qualities.xml");
        Assert.Equal(1, CountOf(text, find));
        return Assert.Throws<DocumentReadException>(() => ValidatedMeasureDataXmlReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));
    }

    private static int CountOf(string text, string find) => text.Split(find).Length - 1;

    [Theory]
    [InlineData("\"resolution\": \"PT1H\"", "\"resolution\": \"PT30M\"",
        Json + ".Series[0].Period.resolution", "Unknown resolution 'PT30M'; expected PT15M, PT1H or P1M.")]
    [InlineData("\"value\": \"A01\"\n              },\n              \"quantity\": 0.625", "\"value\": \"A07\"\n              },\n              \"quantity\": 0.625",
        Json + ".Series[0].Period.Point[0].quality.value", "Unknown quality 'A07'; expected A01, A02, A03, A04, A05 or A06.")]
    [InlineData("\"2024-06-28T22:00Z\"", "\"2024-06-28 22:00\"",
        Json + ".Series[0].Period.timeInterval.start.value", "'2024-06-28 22:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("\"quantity\": 1.0\n", "\"quantity\": \"1,0\"\n",
        Json + ".Series[0].Period.Point[3].quantity", "Quantity must be a JSON number, got the string '1,0'.")]
    [InlineData("\"quantity\": 1.0\n", "\"quantity\": 1.0001\n",
        Json + ".Series[0].Period.Point[3].quantity", "Quantity 1.0001 has more than 3 decimals.")]
    [InlineData("\"registration_DateAndOrTime.dateTime\"", "\"registration_DateAndOrTime\"",
        Json + ".Series[0]", "'registration_DateAndOrTime.dateTime' is required but missing.")]
    [InlineData("\"value\": \"571313000000002000\"", "\"value\": \"57131300000000200\"",
        Json + ".Series[0].marketEvaluationPoint.mRID.value", "A GSRN has exactly 18 digits, got '57131300000000200' (17 characters).")]
    [InlineData("\"value\": \"E17\"", "\"value\": \"E99\"",
        Json + ".Series[0].marketEvaluationPoint.type.value", "Unknown metering point type 'E99'; expected E17, E18 or D01..D99.")]
    [InlineData("\"position\": {\n                \"value\": 4\n", "\"position\": {\n                \"value\": \"4\"\n",
        Json + ".Series[0].Period.Point[3].position.value", "Position must be a whole number, got the string '4'.")]
    public void Json_errors_in_a_series_name_document_series_place_and_problem(string find, string replace, string place, string problem)
    {
        var error = JsonError(find, replace);

        Assert.Equal((Doc, "BIO-FIX-PT1H", "S-PT1H-1", place, problem), (error.DocumentName, error.DocumentId, error.SeriesId, error.Place, error.Problem));
        Assert.Equal($"{Doc} BIO-FIX-PT1H, series S-PT1H-1, at {place}: {problem}", error.Message);
    }

    [Theory]
    [InlineData("\"value\": \"E66\"", "\"value\": \"E73\"", Json + ".type.value", "Document type 'E73' is not E66 (NotifyValidatedMeasureData_MarketDocument).")]
    [InlineData("\"value\": \"E23\"", "\"value\": \"E99\"", Json + ".process.processType.value", "Unknown process type 'E99'; expected E23, D42 or E30.")]
    [InlineData("\"createdDateTime\": \"2024-07-30T07:30:54Z\"", "\"createdDateTime\": \"2024-07-30T07:30:54+02:00\"",
        Json + ".createdDateTime", "'2024-07-30T07:30:54+02:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("\"value\": \"5799999933318\"", "\"value\": \"579999993331\"",
        Json + ".receiver_MarketParticipant.mRID.value", "A GLN has exactly 13 digits, got '579999993331' (12 characters).")]
    public void Json_errors_in_the_header_name_the_document(string find, string replace, string place, string problem)
    {
        var error = JsonError(find, replace);

        Assert.Equal(("BIO-FIX-PT1H", (string?)null, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void An_error_before_the_document_mrid_says_it_was_not_read_yet()
    {
        var error = JsonError("\"mRID\": \"BIO-FIX-PT1H\"", "\"mRID\": \"BIO-FIX-PT1H\", \"sender_MarketParticipant.marketRole.type\": {}");

        Assert.Equal($"{Doc} BIO-FIX-PT1H, at {Json}.sender_MarketParticipant.marketRole.type: 'value' is required but missing.", error.Message);

        var early = JsonError("\"mRID\": \"BIO-FIX-PT1H\",", "\"createdDateTime\": \"yesterday\", \"mRID\": \"BIO-FIX-PT1H\",");
        Assert.Null(early.DocumentId);
        Assert.StartsWith($"{Doc} (mRID not read yet), at {Json}.createdDateTime: 'yesterday'", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_read_error_at_the_place_reached()
    {
        var error = JsonError("\"quantity\": 1.0\n", "\"quantity\": 1.0,,\n");

        Assert.Equal(Json + ".Series[0].Period.Point[3]", error.Place);
        Assert.StartsWith("Malformed JSON:", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_parts_of_a_period()
    {
        var error = JsonError("\"resolution\": \"PT1H\",", string.Empty);

        Assert.Equal((Json + ".Series[0].Period", "'resolution' is required but missing."), (error.Place, error.Problem));
    }

    [Fact]
    public void An_interval_that_ends_before_it_starts_cannot_be_read()
    {
        var error = JsonError("\"2024-06-29T22:00Z\"", "\"2024-06-27T22:00Z\"");

        Assert.Equal((Json + ".Series[0].Period.timeInterval.end.value", "The interval ends at 2024-06-27T22:00Z, before it starts at 2024-06-28T22:00Z."),
            (error.Place, error.Problem));
    }

    [Theory]
    [InlineData("<cim:quantity>1.000</cim:quantity>", "<cim:quantity>1,0</cim:quantity>",
        "line 42, position 10 (" + Xml + "/Series[1]/Period/Point[4]/quantity)", "Quantity '1,0' is not a number.")]
    [InlineData("<cim:resolution>PT1H</cim:resolution>", "<cim:resolution>PT5M</cim:resolution>",
        "line 20, position 8 (" + Xml + "/Series[1]/Period/resolution)", "Unknown resolution 'PT5M'; expected PT15M, PT1H or P1M.")]
    [InlineData("0.625</cim:quantity>\n        <cim:quality>A01</cim:quality>", "0.625</cim:quantity>\n        <cim:quality>B01</cim:quality>",
        "line 28, position 10 (" + Xml + "/Series[1]/Period/Point[1]/quality)", "Unknown quality 'B01'; expected A01, A02, A03, A04, A05 or A06.")]
    [InlineData("<cim:end>2024-06-29T22:00Z</cim:end>", "<cim:end>2024-06-29T24:00Z</cim:end>",
        "line 23, position 10 (" + Xml + "/Series[1]/Period/timeInterval/end)", "'2024-06-29T24:00Z' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("    <cim:marketEvaluationPoint.type>E17</cim:marketEvaluationPoint.type>\n", "",
        "line 12, position 4 (" + Xml + "/Series[1])", "'marketEvaluationPoint.type' is required but missing.")]
    [InlineData("        <cim:position>4</cim:position>\n", "",
        "line 40, position 8 (" + Xml + "/Series[1]/Period/Point[4])", "'position' is required but missing.")]
    public void Xml_errors_name_document_series_line_position_and_element(string find, string replace, string place, string problem)
    {
        var error = XmlError(find, replace);

        Assert.Equal(("BIO-FIX-PT1H", "S-PT1H-1", place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void Xml_in_another_namespace_or_malformed_is_refused()
    {
        var wrongNamespace = XmlError("xmlns:cim=\"urn:ediel.org:measure:notifyvalidatedmeasuredata:0:1\"", "xmlns:cim=\"urn:example\"");
        Assert.Equal("The root element is 'cim:NotifyValidatedMeasureData_MarketDocument' in namespace 'urn:example'; expected NotifyValidatedMeasureData_MarketDocument in namespace 'urn:ediel.org:measure:notifyvalidatedmeasuredata:0:1'.",
            wrongNamespace.Problem);

        var malformed = XmlError("</cim:timeInterval>", "</cim:timeInterva>");
        Assert.Equal("line 24, position 9 (/NotifyValidatedMeasureData_MarketDocument/Series[1]/Period/timeInterval/end)", malformed.Place);
        Assert.StartsWith("Malformed XML:", malformed.Problem, StringComparison.Ordinal);
        Assert.Equal("S-PT1H-1", malformed.SeriesId);
    }
}
