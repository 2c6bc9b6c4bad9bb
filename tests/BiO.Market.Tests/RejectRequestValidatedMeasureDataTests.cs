using BiO.Domain.MeteringPoints;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Tests;

public sealed class RejectRequestValidatedMeasureDataTests
{
    [Fact]
    public void A_reject_reads_its_reason_codes_and_texts_equally_from_json_and_xml()
    {
        using var jsonStream = Fixture.Open("Rsm015/reject.json");
        using var xmlStream = Fixture.Open("Rsm015/reject.xml");

        var json = RequestDocumentsJsonReader.ReadReject(jsonStream);
        var xml = RequestDocumentsXmlReader.ReadReject(xmlStream);

        Assert.Equal(json, xml);
        Assert.Equal(("BIO-FIX-ERR", "ERR", "A02"), (json.Header.DocumentId, json.Header.Type, json.ReasonCode));
        var series = Assert.Single(json.Series);
        Assert.Equal(new RejectedMeasureDataRequest("R-1", "REQ-1", Gsrn.Parse("571313000000002000"),
            ValueList.Of(new RejectReason("E0H", "Period more than 3 years back"), new RejectReason("D18", null))), series);
    }

    [Fact]
    public void A_reason_without_code_is_a_read_error_at_the_reason()
    {
        var text = Fixture.Text("Rsm015/reject.xml").Replace("      <cim:code>D18</cim:code>\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<DocumentReadException>(() => RequestDocumentsXmlReader.ReadReject(text));

        Assert.Equal(("BIO-FIX-ERR", "R-1", "line 20, position 6 (/RejectRequestValidatedMeasureData_MarketDocument/Series[1]/Reason[2])", "'code' is required but missing."),
            (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void An_rsm012_is_not_read_as_a_reject()
    {
        var error = Assert.Throws<DocumentReadException>(() => RequestDocumentsJsonReader.ReadReject(Fixture.Text("Rsm012/pt1h-six-of-24.json")));

        Assert.Equal(("$", "Unexpected member 'NotifyValidatedMeasureData_MarketDocument'; this reader reads RejectRequestValidatedMeasureData_MarketDocument."),
            (error.Place, error.Problem));
    }
}
