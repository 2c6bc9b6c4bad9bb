using BiO.Domain.MeteringPoints;
using BiO.Domain.Prices;
using BiO.Market.Charges;
using BiO.Market.Cim;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class ChargeLinkTests
{
    private const string Xml = "/NotifyBillingMasterData_MarketDocument";

    private static NotifyBillingMasterData Read()
    {
        using var stream = Fixture.Open("Charges/d07-links.xml");
        return BillingMasterDataXmlReader.Read(stream);
    }

    [Fact]
    public void Links_read_metering_point_charge_factor_and_dates()
    {
        var document = Read();

        Assert.Equal(("BIO-D07-1", "D07", ProcessType.BillingMasterData), (document.Header.DocumentId, document.Header.Type, document.Header.Process));
        Assert.Equal(2, document.Records.Count);
        var first = document.Records[0];
        Assert.Equal(("REC-LINK-1", Gsrn.Parse("571313000000002000")), (first.RecordId, first.MeteringPoint));
        Assert.Equal(
        [
            new LinkedCharge(Gln.Parse("5790000610976"), ChargeType.Tariff, "40000", 1, Instant.FromUtc(2024, 12, 31, 23, 0), null),
            new LinkedCharge(Gln.Parse("5790000610976"), ChargeType.Subscription, "SUB-01", 2, Instant.FromUtc(2024, 12, 31, 23, 0), Instant.FromUtc(2025, 6, 30, 22, 0)),
        ], first.Links);
        Assert.Equal(document, BillingMasterDataXmlReader.Read(Fixture.Text("Charges/d07-links.xml")));
    }

    [Fact]
    public void The_validator_reports_every_broken_rule_of_a_link()
    {
        var problems = ChargeLinkValidator.Validate(Read());

        const string Place = "MktActivityRecord[1].ChargeGroup.ChargeType[0]";
        Assert.Equal(
        [
            new DocumentProblem("BIO-D07-1", "REC-LINK-2", Place + ".factor", "Factor 0 is below 1; a link applies its charge at least once."),
            new DocumentProblem("BIO-D07-1", "REC-LINK-2", Place + ".mRID", "Charge code 'EA-001-LEGACY' has 13 characters; at most 10 are allowed."),
            new DocumentProblem("BIO-D07-1", "REC-LINK-2", Place + ".effectiveDate", "The effective date 2025-01-01T00:00Z is not at local midnight (Europe/Copenhagen)."),
            new DocumentProblem("BIO-D07-1", "REC-LINK-2", Place + ".terminationDate", "The termination date 2024-12-31T23:00Z is not after the effective date 2025-01-01T00:00Z."),
        ], problems);
    }

    [Fact]
    public void A_termination_off_midnight_is_reported()
    {
        var document = Read();
        var record = document.Records[0];
        var changed = document with
        {
            Records = ValueList.Of(record with { Links = ValueList.Of(record.Links[0] with { TerminationDate = Instant.FromUtc(2025, 3, 1, 12, 0) }) }),
        };

        Assert.Equal(["The termination date 2025-03-01T12:00Z is not at local midnight (Europe/Copenhagen)."],
            ChargeLinkValidator.Validate(changed).Select(p => p.Message));
    }

    [Theory]
    [InlineData("571313000000002000", "57131300000000200", "REC-LINK-1",
        "line 14, position 6 (" + Xml + "/MktActivityRecord[1]/marketEvaluationPoint.mRID)", "A GSRN has exactly 18 digits, got '57131300000000200' (17 characters).")]
    [InlineData("<cim:factor>2</cim:factor>", "<cim:factor>two</cim:factor>", "REC-LINK-1",
        "line 27, position 10 (" + Xml + "/MktActivityRecord[1]/ChargeGroup/ChargeType[2]/factor)", "Factor 'two' is not a whole number.")]
    [InlineData("<cim:factor>1</cim:factor>\n", "", "REC-LINK-1",
        "line 16, position 8 (" + Xml + "/MktActivityRecord[1]/ChargeGroup/ChargeType[1])", "'factor' is required but missing.")]
    [InlineData("<cim:type>D01</cim:type>", "<cim:type>E01</cim:type>", "REC-LINK-1",
        "line 25, position 10 (" + Xml + "/MktActivityRecord[1]/ChargeGroup/ChargeType[2]/type)", "Unknown charge type 'E01'; expected D01 (subscription), D02 (fee) or D03 (tariff).")]
    [InlineData("    <cim:marketEvaluationPoint.mRID codingScheme=\"A10\">571313000000002017</cim:marketEvaluationPoint.mRID>\n", "", "REC-LINK-2",
        "line 33, position 4 (" + Xml + "/MktActivityRecord[2])", "'marketEvaluationPoint.mRID' is required but missing.")]
    [InlineData("<cim:effectiveDate>2025-01-01T00:00:00Z</cim:effectiveDate>", "<cim:effectiveDate>2025-01-01T00:00:00+01:00</cim:effectiveDate>", "REC-LINK-2",
        "line 42, position 10 (" + Xml + "/MktActivityRecord[2]/ChargeGroup/ChargeType[1]/effectiveDate)", "'2025-01-01T00:00:00+01:00' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("<cim:process.processType>D17", "<cim:process.processType>D18", null,
        "line 5, position 4 (" + Xml + "/process.processType)", "Unknown process type 'D18'; expected D17.")]
    public void Read_errors_name_document_record_line_position_and_element(string find, string replace, string? record, string place, string problem)
    {
        var text = Fixture.Text("Charges/d07-links.xml");
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => BillingMasterDataXmlReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-D07-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }
}
