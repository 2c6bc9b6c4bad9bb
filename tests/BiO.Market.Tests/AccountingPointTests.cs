using BiO.Domain.MeteringPoints;
using BiO.Market.Cim;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.MeteringPoints;
using NodaTime;

namespace BiO.Market.Tests;

public sealed class AccountingPointTests
{
    private const string Xml = "/AccountingPointCharacteristics_MarketDocument";
    private const string Name = "MeteringPoints/e07-characteristics.xml";

    private static AccountingPointCharacteristics Read()
    {
        using var stream = Fixture.Open(Name);
        return AccountingPointCharacteristicsXmlReader.Read(stream);
    }

    [Fact]
    public void Master_data_reads_point_codes_supplier_supply_start_address_and_related_points()
    {
        var document = Read();

        Assert.Equal(new MarketDocumentHeader("BIO-E07-1", "E07", ProcessType.ChangeOfSupplier, "23",
            new MarketParticipant(Gln.DataHub, "DDZ"), new MarketParticipant(Gln.Parse("5790002000001"), "DDQ"),
            Instant.FromUtc(2025, 3, 20, 8, 15)), document.Header);
        Assert.Equal(2, document.Records.Count);
        var midnight = Instant.FromUtc(2025, 3, 31, 22, 0);
        Assert.Equal(new AccountingPointRecord("REC-MP-1", "BIO-COS-TX-1", midnight, new MeteringPointCharacteristics(
            Gsrn.Parse("571313000000002000"), "E17", "E02", "D01", "E22", "PT15M", "0", "344",
            Gln.Parse("5790000610976"), Gln.Parse("5790002000001"), midnight, null, null,
            ValueList.Of(new ChildMeteringPoint(Gsrn.Parse("571313000000002017"), "D06")),
            new PostalAddress("0304", "Vestergade", "16", "2", "tv", "0101", "København K", null, "DK", "1456"),
            "Villa")), document.Records[0]);
        Assert.Equal(new AccountingPointRecord("REC-MP-2", null, midnight, new MeteringPointCharacteristics(
            Gsrn.Parse("571313000000002017"), "D06", null, "D03", "E22", null, null, "344", null, null, null, null,
            Gsrn.Parse("571313000000002000"), ValueList<ChildMeteringPoint>.Empty, null, null)), document.Records[1]);
        Assert.Equal(document, AccountingPointCharacteristicsXmlReader.Read(Fixture.Text(Name)));
    }

    [Fact]
    public void Our_master_data_fixture_keeps_every_rule()
    {
        Assert.Empty(AccountingPointValidator.Validate(Read()));
    }

    [Fact]
    public void The_validator_reports_every_unknown_code_and_broken_rule()
    {
        var document = Read();
        var first = document.Records[0];
        var second = document.Records[1];
        var broken = document with
        {
            Records = ValueList.Of(
                first with
                {
                    ValidFrom = Instant.FromUtc(2025, 4, 1, 0, 0),
                    MeteringPoint = first.MeteringPoint with
                    {
                        Type = "E99", SettlementMethod = "E15", MeteringMethod = "E13", ConnectionState = "E30", GridArea = "34",
                        SupplyStart = Instant.FromUtc(2025, 3, 31, 23, 0), LinkedPoint = first.MeteringPoint.Gsrn,
                        Children = ValueList.Of(new ChildMeteringPoint(first.MeteringPoint.Gsrn, "E17")),
                    },
                },
                second with { MeteringPoint = second.MeteringPoint with { Parent = null } },
                first with { RecordId = "REC-MP-3", MeteringPoint = first.MeteringPoint with { SettlementMethod = null, Parent = first.MeteringPoint.Gsrn, Children = ValueList<ChildMeteringPoint>.Empty } }),
        };

        Assert.Equal(
        [
            "REC-MP-1 MktActivityRecord[0].validityStart_DateAndOrTime.dateTime: The validity start 2025-04-01T00:00Z is not at local midnight (Europe/Copenhagen).",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.type: Unknown metering point type 'E99'; expected E17, E18, E20 or D01..D99.",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.settlementMethod: Unknown settlement method 'E15'; expected E01 (profiled), E02 (non-profiled) or D01 (flex).",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.meteringMethod: Unknown metering method 'E13'; expected D01 (physical), D02 (virtual) or D03 (calculated).",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.connectionState: Unknown connection state 'E30'; expected D03 (new), E22 (connected), E23 (disconnected) or D02 (closed down).",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.meteringGridArea_Domain.mRID: Grid area '34' is not 3 digits.",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.supplyStart_DateAndOrTime.dateTime: The supply start 2025-03-31T23:00Z is not at local midnight (Europe/Copenhagen).",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.linked_MarketEvaluationPoint.mRID: Metering point 571313000000002000 is linked to itself.",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.Child_MarketEvaluationPoint[0].mRID: Metering point 571313000000002000 is given as its own child.",
            "REC-MP-1 MktActivityRecord[0].MarketEvaluationPoint.Child_MarketEvaluationPoint[0].description: Child point 571313000000002000 has type 'E17'; a child's type is D01..D99.",
            "REC-MP-2 MktActivityRecord[1].MarketEvaluationPoint.Parent_MarketEvaluationPoint: Child point 571313000000002017 of type D06 has no parent.",
            "REC-MP-3 MktActivityRecord[2].MarketEvaluationPoint.settlementMethod: Consumption point 571313000000002000 has no settlement method; expected E01, E02 or D01.",
            "REC-MP-3 MktActivityRecord[2].MarketEvaluationPoint.Parent_MarketEvaluationPoint.mRID: Metering point 571313000000002000 is given as its own parent.",
        ], AccountingPointValidator.Validate(broken).Select(p => $"{p.TransactionId} {p.Place}: {p.Message}"));
        Assert.All(AccountingPointValidator.Validate(broken), p => Assert.Equal("BIO-E07-1", p.DocumentId));
    }

    [Fact]
    public void A_record_maps_to_domain_master_data_with_the_price_area_of_its_grid_area()
    {
        var document = Read();
        static string? PriceArea(string gridArea) => gridArea == "344" ? "DK1" : null;

        var consumption = MasterDataMapping.Map("BIO-E07-1", 0, document.Records[0], PriceArea);
        var child = MasterDataMapping.Map("BIO-E07-1", 1, document.Records[1], PriceArea);

        Assert.Empty(consumption.Problems);
        var master = consumption.MasterData!;
        var midnight = Instant.FromUtc(2025, 3, 31, 22, 0);
        Assert.Equal((Gsrn.Parse("571313000000002000"), "E17", (SettlementMethod?)SettlementMethod.NonProfiled, "344", "DK1", midnight, (Gsrn?)null, true),
            (master.Gsrn, master.Type, master.SettlementMethod, master.GridArea, master.PriceArea, master.ValidFrom, master.Parent, master.IsConsumption));
        Assert.Equal((Gsrn.Parse("571313000000002000"), (SettlementMethod?)null, true), (child.MasterData!.Parent!.Value, child.MasterData.SettlementMethod, child.MasterData.IsChild));
    }

    [Theory]
    [InlineData("E01", SettlementMethod.Profiled)]
    [InlineData("E02", SettlementMethod.NonProfiled)]
    [InlineData("D01", SettlementMethod.Flex)]
    public void Settlement_methods_map_to_the_domain(string code, SettlementMethod expected)
    {
        var record = Read().Records[0];
        var mapped = MasterDataMapping.Map("BIO-E07-1", 0, record with { MeteringPoint = record.MeteringPoint with { SettlementMethod = code } }, _ => "DK2");

        Assert.Equal(expected, mapped.MasterData!.SettlementMethod);
    }

    [Fact]
    public void Without_a_price_area_for_its_grid_area_a_record_gives_no_master_data_and_says_why()
    {
        var record = Read().Records[0];

        var mapped = MasterDataMapping.Map("BIO-E07-1", 0, record, _ => null);

        Assert.Null(mapped.MasterData);
        Assert.Equal([new DocumentProblem("BIO-E07-1", "REC-MP-1", "MktActivityRecord[0].MarketEvaluationPoint.meteringGridArea_Domain.mRID",
            "No price area is known for grid area 344 (E07 carries none; got ''); no master data without DK1 or DK2.")], mapped.Problems);
    }

    [Fact]
    public void Unknown_codes_give_no_master_data_and_every_reason()
    {
        var record = Read().Records[0];
        var broken = record with { MeteringPoint = record.MeteringPoint with { Type = null, SettlementMethod = "E15", GridArea = null } };

        var mapped = MasterDataMapping.Map("BIO-E07-1", 0, broken, _ => "DK1");

        Assert.Null(mapped.MasterData);
        Assert.Equal(
        [
            "Metering point 571313000000002000 has type ''; master data needs E17, E18, E20 or D01..D99.",
            "Unknown settlement method 'E15'; expected E01, E02 or D01.",
            "Metering point 571313000000002000 has grid area ''; master data needs 3 digits.",
        ], mapped.Problems.Select(p => p.Message));
    }

    [Theory]
    [InlineData("571313000000002000</cim:mRID>\n      <cim:meteringPointResponsible", "5713130000000020</cim:mRID>\n      <cim:meteringPointResponsible", "REC-MP-1",
        "line 17, position 8 (" + Xml + "/MktActivityRecord[1]/MarketEvaluationPoint/mRID)", "A GSRN has exactly 18 digits, got '5713130000000020' (16 characters).")]
    [InlineData("<cim:type>E07</cim:type>", "<cim:type>E66</cim:type>", null,
        "line 4, position 4 (" + Xml + "/type)", "Document type 'E66' is not E07 (AccountingPointCharacteristics_MarketDocument).")]
    [InlineData("<cim:process.processType>E03", "<cim:process.processType>E23", null,
        "line 5, position 4 (" + Xml + "/process.processType)", "Unknown process type 'E23'; expected E03, E06, E65, E20, E02, E32, E79 or D15.")]
    [InlineData("5790000610976", "579000061097X", "REC-MP-1",
        "line 18, position 8 (" + Xml + "/MktActivityRecord[1]/MarketEvaluationPoint/meteringPointResponsible_MarketParticipant.mRID)", "A GLN has exactly 13 digits, got '579000061097X' (13 characters).")]
    [InlineData("<cim:supplyStart_DateAndOrTime.dateTime>2025-03-31T22:00:00Z", "<cim:supplyStart_DateAndOrTime.dateTime>2025-04-01", "REC-MP-1",
        "line 31, position 8 (" + Xml + "/MktActivityRecord[1]/MarketEvaluationPoint/supplyStart_DateAndOrTime.dateTime)", "'2025-04-01' is not a UTC time like 2024-06-28T22:00Z or 2024-07-30T07:30:54Z.")]
    [InlineData("    <cim:validityStart_DateAndOrTime.dateTime>2025-03-31T22:00:00Z</cim:validityStart_DateAndOrTime.dateTime>\n    <cim:MarketEvaluationPoint>\n      <cim:mRID codingScheme=\"A10\">571313000000002017",
        "    <cim:MarketEvaluationPoint>\n      <cim:mRID codingScheme=\"A10\">571313000000002017", "REC-MP-2",
        "line 54, position 4 (" + Xml + "/MktActivityRecord[2])", "'validityStart_DateAndOrTime.dateTime' is required but missing.")]
    [InlineData("<cim:mRID codingScheme=\"A10\">571313000000002000</cim:mRID>\n      </cim:Parent", "<cim:mRID codingScheme=\"A10\">57131300000000200A</cim:mRID>\n      </cim:Parent", "REC-MP-2",
        "line 64, position 10 (" + Xml + "/MktActivityRecord[2]/MarketEvaluationPoint/Parent_MarketEvaluationPoint/mRID)", "A GSRN has exactly 18 digits, got '57131300000000200A' (18 characters).")]
    [InlineData("<cim:mRID codingScheme=\"A10\">571313000000002017</cim:mRID>\n        <cim:description>", "<cim:description>", "REC-MP-1",
        "line 48, position 8 (" + Xml + "/MktActivityRecord[1]/MarketEvaluationPoint/Child_MarketEvaluationPoint[1])", "'mRID' is required but missing.")]
    [InlineData("<cim:mRID>REC-MP-2</cim:mRID>", "<cim:mRID> </cim:mRID>", null,
        "line 55, position 6 (" + Xml + "/MktActivityRecord[2]/mRID)", "A value is required, got an empty text.")]
    [InlineData("</cim:streetDetail>", "</cim:streetDetai>", "REC-MP-1",
        "line 40, position 11 (" + Xml + "/MktActivityRecord[1]/MarketEvaluationPoint/usagePointLocation.mainAddress/streetDetail/suiteNumber)", "Malformed XML: The 'cim:streetDetail' start tag on line 34 position 10 does not match the end tag of 'cim:streetDetai'. Line 40, position 11.")]
    public void Read_errors_name_document_record_line_position_and_element(string find, string replace, string? record, string place, string problem)
    {
        var text = Fixture.Text(Name);
        Assert.Equal(2, text.Split(find).Length);

        var error = Assert.Throws<DocumentReadException>(() => AccountingPointCharacteristicsXmlReader.Read(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("BIO-E07-1", record, place, problem), (error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [SharedFact]
    [Trait("Category", "Conformance")]
    public void Our_master_data_fixture_is_valid_against_datahubs_xsd()
    {
        using var stream = Fixture.Open(Name);

        Assert.Empty(SharedDataHub.XsdErrors("urn-ediel-org-structure-accountingpointcharacteristics-0-1.xsd", stream));
    }
}
