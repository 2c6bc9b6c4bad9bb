using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Supply;

namespace BiO.Market.Tests;

/// <summary>
/// The CIM JSON forms of our supply change fixtures (Supply/*.json, in the shape of DataHub's JSON schemas) read to
/// the same records as the XML ones, and each JSON read error names the document, the record and the JSON path.
/// </summary>
public sealed class ChangeOfSupplierJsonTests
{
    private const string Request = "Supply/request-e03";
    private const string Confirm = "Supply/confirm-e03";
    private const string Reject = "Supply/reject-e03";
    private const string RequestPath = "$." + ChangeOfSupplierJsonReader.RequestRoot;

    private static string Json(string fixture) => Fixture.Text(fixture + ".json");

    private static string Xml(string fixture) => Fixture.Text(fixture + ".xml");

    [Fact]
    public void A_json_request_reads_to_the_records_of_its_xml_form()
    {
        using var stream = Fixture.Open(Request + ".json");
        var json = ChangeOfSupplierJsonReader.ReadRequest(stream);

        Assert.Equal(ChangeOfSupplierXmlReader.ReadRequest(Xml(Request)), json);
        Assert.Equal(json, ChangeOfSupplierJsonReader.ReadRequest(Json(Request)));
        Assert.Equal(2, json.Records.Count);
        Assert.Equal(("Hansen ApS", (string?)null), (json.Records[0].CustomerName, json.Records[1].CustomerName));
        Assert.Empty(SupplyChangeValidator.Validate(json));
    }

    [Fact]
    public void A_json_confirm_reads_to_the_records_of_its_xml_form_and_confirms_the_json_request()
    {
        using var stream = Fixture.Open(Confirm + ".json");
        var json = ChangeOfSupplierJsonReader.ReadConfirm(stream);

        Assert.Equal(ChangeOfSupplierXmlReader.ReadConfirm(Xml(Confirm)), json);
        Assert.Equal(json, ChangeOfSupplierJsonReader.ReadConfirm(Json(Confirm)));
        Assert.Equal("A01", json.ReasonCode);
        var confirmed = ConfirmedSupplyChanges.Of(ChangeOfSupplierJsonReader.ReadRequest(Json(Request)), json);
        Assert.Empty(confirmed.Problems);
        Assert.Equal("BIO-COS-TX-1", Assert.Single(confirmed.Changes).Change.RequestId);
    }

    [Fact]
    public void A_json_reject_reads_to_the_records_of_its_xml_form()
    {
        using var stream = Fixture.Open(Reject + ".json");
        var json = ChangeOfSupplierJsonReader.ReadReject(stream);

        Assert.Equal(ChangeOfSupplierXmlReader.ReadReject(Xml(Reject)), json);
        Assert.Equal(json, ChangeOfSupplierJsonReader.ReadReject(Json(Reject)));
        Assert.Equal(["E22", "E16"], Assert.Single(json.Records).Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData("E65")]
    [InlineData("E20")]
    public void Move_in_and_end_of_supply_read_alike_from_json_and_xml(string process)
    {
        static string Json(string fixture, string process) =>
            Fixture.Text(fixture + ".json").Replace("\"value\": \"E03\"", $"\"value\": \"{process}\"", StringComparison.Ordinal);
        static string Xml(string fixture, string process) =>
            Fixture.Text(fixture + ".xml").Replace(">E03<", $">{process}<", StringComparison.Ordinal);

        var request = ChangeOfSupplierJsonReader.ReadRequest(Json(Request, process));

        Assert.Equal(process, request.Header.Process.Code());
        Assert.Equal(ChangeOfSupplierXmlReader.ReadRequest(Xml(Request, process)), request);
        Assert.Equal(ChangeOfSupplierXmlReader.ReadConfirm(Xml(Confirm, process)), ChangeOfSupplierJsonReader.ReadConfirm(Json(Confirm, process)));
        Assert.Equal(ChangeOfSupplierXmlReader.ReadReject(Xml(Reject, process)), ChangeOfSupplierJsonReader.ReadReject(Json(Reject, process)));
    }

    [Fact]
    public void Plain_strings_where_the_schema_has_value_objects_read_alike()
    {
        var plain = Json(Request)
            .Replace("{\n      \"value\": \"392\"\n    }", "\"392\"", StringComparison.Ordinal)
            .Replace("{\n          \"codingScheme\": \"A10\",\n          \"value\": \"571313000000002017\"\n        }", "\"571313000000002017\"", StringComparison.Ordinal);
        Assert.NotEqual(Json(Request), plain);

        Assert.Equal(ChangeOfSupplierJsonReader.ReadRequest(Json(Request)), ChangeOfSupplierJsonReader.ReadRequest(plain));
    }

    [Theory]
    [InlineData("\"value\": \"E03\"", "\"value\": \"E23\"", null,
        RequestPath + ".process.processType.value", "Unknown process type 'E23'; expected E03, E65 or E20.")]
    [InlineData("\"value\": \"392\"", "\"value\": \"E44\"", null,
        RequestPath + ".type.value", "Document type 'E44' is not 392 (RequestChangeOfSupplier_MarketDocument).")]
    [InlineData("\"value\": \"571313000000002017\"", "\"value\": \"57131300000000201\"", "BIO-COS-TX-2",
        RequestPath + ".MktActivityRecord[1].marketEvaluationPoint.mRID.value", "A GSRN has exactly 18 digits, got '57131300000000201' (17 characters).")]
    [InlineData("\"start_DateAndOrTime.dateTime\": \"2025-03-31T22:00:00Z\"", "\"start_DateAndOrTime.dateTime\": \"2025-04-01T00:00:00+02:00\"", "BIO-COS-TX-1",
        RequestPath + ".MktActivityRecord[0].start_DateAndOrTime.dateTime", "'2025-04-01T00:00:00+02:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData(",\n        \"start_DateAndOrTime.dateTime\": \"2025-01-31T23:00:00Z\"", "", "BIO-COS-TX-2",
        RequestPath + ".MktActivityRecord[1]", "'start_DateAndOrTime.dateTime' is required but missing.")]
    [InlineData("\"value\": \"5790002000018\"", "\"value\": \"579000200001\"", "BIO-COS-TX-1",
        RequestPath + ".MktActivityRecord[0].marketEvaluationPoint.balanceResponsibleParty_MarketParticipant.mRID.value", "A GLN has exactly 13 digits, got '579000200001' (12 characters).")]
    [InlineData("\"value\": \"571313000000002017\"\n        },\n        \"marketEvaluationPoint.energySupplier_MarketParticipant.mRID\": {\n          \"codingScheme\": \"A10\",\n          \"value\": \"5790002000001\"\n        },",
        "\"value\": \"571313000000002017\"\n        },", "BIO-COS-TX-2",
        RequestPath + ".MktActivityRecord[1]", "'marketEvaluationPoint.energySupplier_MarketParticipant.mRID' is required but missing.")]
    [InlineData("\"marketEvaluationPoint.customer_MarketParticipant.mRID\": {\n          \"codingScheme\": \"VAT\",\n          \"value\": \"12345678\"\n        }",
        "\"marketEvaluationPoint.customer_MarketParticipant.mRID\": {\n          \"codingScheme\": \"VAT\"\n        }", "BIO-COS-TX-1",
        RequestPath + ".MktActivityRecord[0].marketEvaluationPoint.customer_MarketParticipant.mRID", "'value' is required but missing.")]
    [InlineData("\"start_DateAndOrTime.dateTime\": \"2025-01-31T23:00:00Z\"", "\"start_DateAndOrTime.dateTime\": 20250131", "BIO-COS-TX-2",
        RequestPath + ".MktActivityRecord[1].start_DateAndOrTime.dateTime", "'20250131' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("\"start_DateAndOrTime.dateTime\": \"2025-01-31T23:00:00Z\"", "\"start_DateAndOrTime.dateTime\": [\"2025-01-31T23:00:00Z\"]", "BIO-COS-TX-2",
        RequestPath + ".MktActivityRecord[1].start_DateAndOrTime.dateTime", "Expected a string, got an array.")]
    public void Request_read_errors_name_document_record_and_json_path(string find, string replace, string? record, string place, string problem)
    {
        var text = Json(Request);
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierJsonReader.ReadRequest(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-COS-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Theory]
    [InlineData(Confirm, "\"value\": \"571313000000002000\"", "\"valu\": \"571313000000002000\"", "DH-CONFIRM-1", "DH-CONFIRM-TX-1",
        "$.ConfirmRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0].marketEvaluationPoint.mRID", "'value' is required but missing.")]
    [InlineData(Confirm, ",\n        \"marketEvaluationPoint.mRID\": {\n          \"codingScheme\": \"A10\",\n          \"value\": \"571313000000002000\"\n        }", "", "DH-CONFIRM-1", "DH-CONFIRM-TX-1",
        "$.ConfirmRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0]", "'marketEvaluationPoint.mRID' is required but missing.")]
    [InlineData(Confirm, "\"value\": \"A01\"", "\"value\": \"\"", "DH-CONFIRM-1", null,
        "$.ConfirmRequestChangeOfSupplier_MarketDocument.reason.code.value", "A value is required, got an empty text.")]
    [InlineData(Reject, ",\n          {\n            \"code\": {\n              \"value\": \"E16\"\n            }\n          }", ",\n          {\n            \"text\": \"no code\"\n          }", "DH-REJECT-1", "DH-REJECT-TX-1",
        "$.RejectRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0].Reason[1]", "'code' is required but missing.")]
    [InlineData(Reject, "\"BIO-COS-TX-2\"", "\" \"", "DH-REJECT-1", "DH-REJECT-TX-1",
        "$.RejectRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0].originalTransactionIDReference_MktActivityRecord.mRID", "A value is required, got an empty text.")]
    [InlineData(Reject, "\"value\": \"E44\"", "\"value\": \"ERR\"", "DH-REJECT-1", null,
        "$.RejectRequestChangeOfSupplier_MarketDocument.type.value", "Document type 'ERR' is not E44 (RejectRequestChangeOfSupplier_MarketDocument).")]
    [InlineData(Reject, "\"Reason\": [", "\"Reason\": {", "DH-REJECT-1", "DH-REJECT-TX-1",
        "$.RejectRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0].Reason", "Expected an array, got an object.")]
    public void Answer_read_errors_name_document_record_and_json_path(string fixture, string find, string replace, string document, string? record, string place, string problem)
    {
        var text = Json(fixture);
        Assert.Equal(2, text.Split(find).Length);
        var changed = text.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<DocumentReadException>(() =>
            fixture == Confirm ? (object)ChangeOfSupplierJsonReader.ReadConfirm(changed) : ChangeOfSupplierJsonReader.ReadReject(changed));

        Assert.Equal((document, record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void A_json_reject_without_a_reason_is_refused()
    {
        var text = Json(Reject);
        var start = text.IndexOf(",\n        \"Reason\": [", StringComparison.Ordinal);
        var end = text.IndexOf("        ]\n", start, StringComparison.Ordinal) + "        ]".Length;

        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierJsonReader.ReadReject(text.Remove(start, end - start)));

        Assert.Equal(("DH-REJECT-TX-1", "$.RejectRequestChangeOfSupplier_MarketDocument.MktActivityRecord[0]", "'Reason' is required but missing."),
            (error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void A_json_request_without_records_is_refused_at_the_document()
    {
        var text = Json(Request);
        var start = text.IndexOf(",\n    \"MktActivityRecord\": [", StringComparison.Ordinal);
        var end = text.LastIndexOf("    ]\n", StringComparison.Ordinal) + "    ]".Length;

        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierJsonReader.ReadRequest(text.Remove(start, end - start)));

        Assert.Equal(("BIO-COS-1", (string?)null, RequestPath, "'MktActivityRecord' is required but missing."),
            (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void Each_reader_takes_only_its_own_root()
    {
        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierJsonReader.ReadConfirm(Json(Request)));

        Assert.Equal(("$", "Unexpected member 'RequestChangeOfSupplier_MarketDocument'; this reader reads ConfirmRequestChangeOfSupplier_MarketDocument."),
            (error.Place, error.Problem));
        Assert.Equal(
            [ChangeOfSupplierXmlReader.RequestRoot, ChangeOfSupplierXmlReader.ConfirmRoot, ChangeOfSupplierXmlReader.RejectRoot],
            [ChangeOfSupplierJsonReader.RequestRoot, ChangeOfSupplierJsonReader.ConfirmRoot, ChangeOfSupplierJsonReader.RejectRoot]);
    }
}
