using BiO.Domain.MeteringPoints;
using BiO.Market.Cim;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Requests;
using BiO.Market.Supply;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class ChangeOfSupplierTests
{
    private const string Request = "Supply/request-e03.xml";
    private const string Confirm = "Supply/confirm-e03.xml";
    private const string Reject = "Supply/reject-e03.xml";
    private static readonly Gln Us = Gln.Parse("5790002000001");

    private static RequestChangeOfSupplier ReadRequest() => ChangeOfSupplierXmlReader.ReadRequest(Fixture.Text(Request));

    [Fact]
    public void A_request_reads_each_points_transaction_supplier_customer_and_effective_date()
    {
        using var stream = Fixture.Open(Request);
        var document = ChangeOfSupplierXmlReader.ReadRequest(stream);

        Assert.Equal(new MarketDocumentHeader("BIO-COS-1", "392", ProcessType.ChangeOfSupplier, "23", new MarketParticipant(Us, "DDQ"),
            new MarketParticipant(Gln.DataHub, "DDZ"), Instant.FromUtc(2025, 3, 10, 9, 30)), document.Header);
        Assert.Equal(
        [
            new SupplyChangeRequest("BIO-COS-TX-1", Gsrn.Parse("571313000000002000"), Us, Gln.Parse("5790002000018"), "12345678", "Hansen ApS", Instant.FromUtc(2025, 3, 31, 22, 0)),
            new SupplyChangeRequest("BIO-COS-TX-2", Gsrn.Parse("571313000000002017"), Us, null, null, null, Instant.FromUtc(2025, 1, 31, 23, 0)),
        ], document.Records);
        Assert.Equal(document, ReadRequest());
        Assert.Empty(SupplyChangeValidator.Validate(document));
    }

    [Fact]
    public void A_confirm_refers_to_the_request_record_and_makes_its_supply_change_effective()
    {
        var confirm = ChangeOfSupplierXmlReader.ReadConfirm(Fixture.Text(Confirm));

        Assert.Equal(("DH-CONFIRM-1", "E44", ProcessType.ChangeOfSupplier, "A01"), (confirm.Header.DocumentId, confirm.Header.Type, confirm.Header.Process, confirm.ReasonCode));
        Assert.Equal([new SupplyChangeConfirmation("DH-CONFIRM-TX-1", "BIO-COS-TX-1", Gsrn.Parse("571313000000002000"))], confirm.Records);

        var confirmed = ConfirmedSupplyChanges.Of(ReadRequest(), confirm);

        Assert.Empty(confirmed.Problems);
        var change = Assert.Single(confirmed.Changes);
        Assert.Equal(new ConfirmedSupplyChange(Gsrn.Parse("571313000000002000"),
            new SupplyChange("BIO-COS-TX-1", SupplyEvent.ChangeOfSupplier, Instant.FromUtc(2025, 3, 31, 22, 0))), change);
        Assert.True(SupplyPeriods.Empty.With(change.Change).Supplies(Instant.FromUtc(2025, 4, 1, 12, 0)));
    }

    [Theory]
    [InlineData("E65", SupplyEvent.MoveIn)]
    [InlineData("E20", SupplyEvent.EndOfSupply)]
    public void Move_in_and_end_of_supply_map_to_their_supply_events(string process, SupplyEvent expected)
    {
        var request = ChangeOfSupplierXmlReader.ReadRequest(Fixture.Text(Request).Replace(">E03<", $">{process}<", StringComparison.Ordinal));
        var confirm = ChangeOfSupplierXmlReader.ReadConfirm(Fixture.Text(Confirm).Replace(">E03<", $">{process}<", StringComparison.Ordinal));

        Assert.Equal(expected, Assert.Single(ConfirmedSupplyChanges.Of(request, confirm).Changes).Change.Event);
    }

    [Fact]
    public void A_confirm_that_does_not_match_the_request_gives_no_change_and_says_why()
    {
        var confirm = ChangeOfSupplierXmlReader.ReadConfirm(Fixture.Text(Confirm));
        var record = confirm.Records[0];
        var mismatched = confirm with
        {
            Records = ValueList.Of(
                record with { OriginalTransactionId = null },
                record with { TransactionId = "T2", OriginalTransactionId = "BIO-COS-TX-9" },
                record with { TransactionId = "T3", MeteringPoint = Gsrn.Parse("571313000000002017") }),
        };

        var result = ConfirmedSupplyChanges.Of(ReadRequest(), mismatched);

        Assert.Empty(result.Changes);
        Assert.Equal(
        [
            new DocumentProblem("DH-CONFIRM-1", "DH-CONFIRM-TX-1", "MktActivityRecord[0].originalTransactionIDReference_MktActivityRecord.mRID", "The confirm record names no request record."),
            new DocumentProblem("DH-CONFIRM-1", "T2", "MktActivityRecord[1].originalTransactionIDReference_MktActivityRecord.mRID", "Request BIO-COS-1 has no record BIO-COS-TX-9."),
            new DocumentProblem("DH-CONFIRM-1", "T3", "MktActivityRecord[2].marketEvaluationPoint.mRID", "Metering point 571313000000002017 is not 571313000000002000 of request record BIO-COS-TX-1."),
        ], result.Problems);
        var otherProcess = confirm with { Header = confirm.Header with { Process = ProcessType.MoveIn } };
        Assert.Equal(["The confirm is for process E65; request BIO-COS-1 is E03."], ConfirmedSupplyChanges.Of(ReadRequest(), otherProcess).Problems.Select(p => p.Message));
    }

    [Fact]
    public void A_reject_reads_its_reference_point_and_reasons()
    {
        using var stream = Fixture.Open(Reject);
        var reject = ChangeOfSupplierXmlReader.ReadReject(stream);

        Assert.Equal(("DH-REJECT-1", "E44", ProcessType.ChangeOfSupplier, "A02"), (reject.Header.DocumentId, reject.Header.Type, reject.Header.Process, reject.ReasonCode));
        Assert.Equal([new SupplyChangeRejection("DH-REJECT-TX-1", "BIO-COS-TX-2", Gsrn.Parse("571313000000002017"),
            ValueList.Of(new RejectReason("E22", "Metering point blocked for switching"), new RejectReason("E16", null)))], reject.Records);
    }

    [Fact]
    public void The_validator_reports_every_broken_rule_of_a_request()
    {
        var document = ReadRequest();
        var first = document.Records[0];
        var broken = document with
        {
            Header = document.Header with { Process = ProcessType.PeriodicMetering, Sender = new MarketParticipant(Us, "DDK") },
            Records = ValueList.Of(
                first with { MeteringPoint = Gsrn.Parse("571313000000002001"), Start = Instant.FromUtc(2025, 3, 31, 23, 0) },
                first with { TransactionId = "TX-B", MeteringPoint = Gsrn.Parse("581313000000002000"), EnergySupplier = Gln.Parse("5790002000018"), Start = Instant.FromUtc(2025, 1, 31, 22, 0) }),
        };

        Assert.Equal(
        [
            " process.processType: Process E23 is not a supply change; expected E03, E65 or E20.",
            " sender_MarketParticipant.marketRole.type: The sender's role is DDK; only an energy supplier (DDQ) requests a supply change.",
            "BIO-COS-TX-1 MktActivityRecord[0].marketEvaluationPoint.mRID: GSRN 571313000000002001 has check digit 1; expected 0.",
            "BIO-COS-TX-1 MktActivityRecord[0].start_DateAndOrTime.dateTime: The effective date 2025-03-31T23:00Z is not at local midnight (Europe/Copenhagen; T22:00Z in summer, T23:00Z in winter).",
            "TX-B MktActivityRecord[1].marketEvaluationPoint.mRID: GSRN 581313000000002000 does not start with 57 (Denmark).",
            "TX-B MktActivityRecord[1].marketEvaluationPoint.energySupplier_MarketParticipant.mRID: The energy supplier 5790002000018 is not the sender 5790002000001.",
            "TX-B MktActivityRecord[1].start_DateAndOrTime.dateTime: The effective date 2025-01-31T22:00Z is not at local midnight (Europe/Copenhagen; T22:00Z in summer, T23:00Z in winter).",
        ], SupplyChangeValidator.Validate(broken).Select(p => $"{p.TransactionId} {p.Place}: {p.Message}"));
    }

    private const string RequestPath = "/RequestChangeOfSupplier_MarketDocument";

    [Theory]
    [InlineData("<cim:process.processType>E03", "<cim:process.processType>E23", null,
        "line 5, position 4 (" + RequestPath + "/process.processType)", "Unknown process type 'E23'; expected E03, E65 or E20.")]
    [InlineData("<cim:type>392</cim:type>", "<cim:type>E44</cim:type>", null,
        "line 4, position 4 (" + RequestPath + "/type)", "Document type 'E44' is not 392 (RequestChangeOfSupplier_MarketDocument).")]
    [InlineData(">571313000000002017<", ">57131300000000201<", "BIO-COS-TX-2",
        "line 23, position 6 (" + RequestPath + "/MktActivityRecord[2]/marketEvaluationPoint.mRID)", "A GSRN has exactly 18 digits, got '57131300000000201' (17 characters).")]
    [InlineData("<cim:start_DateAndOrTime.dateTime>2025-03-31T22:00:00Z", "<cim:start_DateAndOrTime.dateTime>2025-04-01T00:00:00+02:00", "BIO-COS-TX-1",
        "line 19, position 6 (" + RequestPath + "/MktActivityRecord[1]/start_DateAndOrTime.dateTime)", "'2025-04-01T00:00:00+02:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("    <cim:start_DateAndOrTime.dateTime>2025-01-31T23:00:00Z</cim:start_DateAndOrTime.dateTime>\n", "", "BIO-COS-TX-2",
        "line 21, position 4 (" + RequestPath + "/MktActivityRecord[2])", "'start_DateAndOrTime.dateTime' is required but missing.")]
    [InlineData(">5790002000018<", ">579000200001<", "BIO-COS-TX-1",
        "line 16, position 6 (" + RequestPath + "/MktActivityRecord[1]/marketEvaluationPoint.balanceResponsibleParty_MarketParticipant.mRID)", "A GLN has exactly 13 digits, got '579000200001' (12 characters).")]
    [InlineData("<cim:mRID>BIO-COS-TX-2</cim:mRID>\n    <cim:marketEvaluationPoint.mRID codingScheme=\"A10\">571313000000002017</cim:marketEvaluationPoint.mRID>\n    <cim:marketEvaluationPoint.energySupplier_MarketParticipant.mRID codingScheme=\"A10\">5790002000001</cim:marketEvaluationPoint.energySupplier_MarketParticipant.mRID>",
        "<cim:mRID>BIO-COS-TX-2</cim:mRID>\n    <cim:marketEvaluationPoint.mRID codingScheme=\"A10\">571313000000002017</cim:marketEvaluationPoint.mRID>", "BIO-COS-TX-2",
        "line 21, position 4 (" + RequestPath + "/MktActivityRecord[2])", "'marketEvaluationPoint.energySupplier_MarketParticipant.mRID' is required but missing.")]
    public void Request_read_errors_name_document_record_line_position_and_element(string find, string replace, string? record, string place, string problem)
    {
        var text = Fixture.Text(Request);
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierXmlReader.ReadRequest(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-COS-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Theory]
    [InlineData(Confirm, "    <cim:marketEvaluationPoint.mRID codingScheme=\"A10\">571313000000002000</cim:marketEvaluationPoint.mRID>\n", "", "DH-CONFIRM-1", "DH-CONFIRM-TX-1",
        "line 13, position 4 (/ConfirmRequestChangeOfSupplier_MarketDocument/MktActivityRecord[1])", "'marketEvaluationPoint.mRID' is required but missing.")]
    [InlineData(Confirm, "<cim:reason.code>A01</cim:reason.code>", "<cim:reason.code></cim:reason.code>", "DH-CONFIRM-1", null,
        "line 12, position 4 (/ConfirmRequestChangeOfSupplier_MarketDocument/reason.code)", "A value is required, got an empty text.")]
    [InlineData(Reject, "      <cim:code>E16</cim:code>\n", "", "DH-REJECT-1", "DH-REJECT-TX-1",
        "line 21, position 6 (/RejectRequestChangeOfSupplier_MarketDocument/MktActivityRecord[1]/Reason[2])", "'code' is required but missing.")]
    [InlineData(Reject, "<cim:originalTransactionIDReference_MktActivityRecord.mRID>BIO-COS-TX-2<", "<cim:originalTransactionIDReference_MktActivityRecord.mRID> <", "DH-REJECT-1", "DH-REJECT-TX-1",
        "line 15, position 6 (/RejectRequestChangeOfSupplier_MarketDocument/MktActivityRecord[1]/originalTransactionIDReference_MktActivityRecord.mRID)", "A value is required, got an empty text.")]
    [InlineData(Reject, "<cim:type>E44</cim:type>", "<cim:type>ERR</cim:type>", "DH-REJECT-1", null,
        "line 4, position 4 (/RejectRequestChangeOfSupplier_MarketDocument/type)", "Document type 'ERR' is not E44 (RejectRequestChangeOfSupplier_MarketDocument).")]
    public void Answer_read_errors_name_document_record_line_position_and_element(string fixture, string find, string replace, string document, string? record, string place, string problem)
    {
        var text = Fixture.Text(fixture);
        Assert.Equal(2, text.Split(find).Length);
        var changed = text.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<DocumentReadException>(() =>
            fixture == Confirm ? (object)ChangeOfSupplierXmlReader.ReadConfirm(changed) : ChangeOfSupplierXmlReader.ReadReject(changed));

        Assert.Equal((document, record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void A_reject_without_a_reason_is_refused()
    {
        var text = Fixture.Text(Reject);
        var start = text.IndexOf("    <cim:Reason>", StringComparison.Ordinal);
        var end = text.LastIndexOf("</cim:Reason>\n", StringComparison.Ordinal) + "</cim:Reason>\n".Length;

        var error = Assert.Throws<DocumentReadException>(() => ChangeOfSupplierXmlReader.ReadReject(text.Remove(start, end - start)));

        Assert.Equal(("DH-REJECT-TX-1", "line 13, position 4 (/RejectRequestChangeOfSupplier_MarketDocument/MktActivityRecord[1])", "'Reason' is required but missing."),
            (error.SeriesId, error.Place, error.Problem));
    }
}
