using BiO.Domain.MeteringPoints;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Supply;
using NodaTime;

namespace BiO.Market.Tests;

/// <summary>
/// DataHub's RequestChangeOfSupplier samples (market-roles/RequestChangeOfSupplier.xml and
/// edi/samples/xml_RequestChangeOfSupplier.xml, both a move-in E65) validate against the XSD and read; our own
/// request, confirm and reject fixtures validate against theirs. DataHub publishes no confirm or reject sample.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ChangeOfSupplierConformanceTests
{
    private const string RequestXsd = "urn-ediel-org-structure-requestchangeofsupplier-0-1.xsd";

    public static TheoryData<string> RequestSamples => SharedDataHub.Root is null
        ? []
        : new TheoryData<string> { Path.Combine("market-roles", "RequestChangeOfSupplier.xml"), Path.Combine("edi", "samples", "xml_RequestChangeOfSupplier.xml") };

    public static TheoryData<string, string> OwnFixtures => SharedDataHub.Root is null
        ? []
        : new TheoryData<string, string>
        {
            { "Supply/request-e03.xml", RequestXsd },
            { "Supply/confirm-e03.xml", "urn-ediel-org-structure-confirmrequestchangeofsupplier-0-1.xsd" },
            { "Supply/reject-e03.xml", "urn-ediel-org-structure-rejectrequestchangeofsupplier-0-1.xsd" },
        };

    private static string PathOf(string sample) => Path.Combine(SharedDataHub.Root!, sample);

    [SharedTheory]
    [MemberData(nameof(RequestSamples))]
    public void Request_sample_validates_against_its_xsd(string sample)
    {
        using var stream = File.OpenRead(PathOf(sample));

        Assert.Empty(SharedDataHub.XsdErrors(RequestXsd, stream));
    }

    /// <summary>
    /// Both read to a move-in of 579999993331812345 at 2022-09-07T22:00Z (local midnight of 8 September). The
    /// validator finds one thing: the GSRN's check digit is 5 where GS1 gives 2 (a made-up test GSRN).
    /// </summary>
    [SharedTheory]
    [MemberData(nameof(RequestSamples))]
    public void Request_sample_reads_to_a_move_in_and_only_its_gsrn_check_digit_is_wrong(string sample)
    {
        using var stream = File.OpenRead(PathOf(sample));
        var document = ChangeOfSupplierXmlReader.ReadRequest(stream);

        Assert.Equal(("392", ProcessType.MoveIn, "DDQ"), (document.Header.Type, document.Header.Process, document.Header.Sender.Role));
        var record = Assert.Single(document.Records);
        Assert.Equal((Gsrn.Parse("579999993331812345"), Gln.Parse("5799999933318"), Gln.Parse("5799999933340"), "0801741527", "Jan Hansen", Instant.FromUtc(2022, 9, 7, 22, 0)),
            (record.MeteringPoint, record.EnergySupplier, record.BalanceResponsible!.Value, record.CustomerId, record.CustomerName, record.Start));
        Assert.Equal(SupplyEvent.MoveIn, RequestChangeOfSupplier.EventOf(document.Header.Process));
        Assert.Equal(["MktActivityRecord[0].marketEvaluationPoint.mRID: GSRN 579999993331812345 has check digit 5; expected 2."],
            SupplyChangeValidator.Validate(document).Select(p => $"{p.Place}: {p.Message}"));
    }

    [SharedTheory]
    [MemberData(nameof(OwnFixtures))]
    public void Our_supply_change_fixture_is_valid_against_datahubs_xsd(string fixture, string xsd)
    {
        using var stream = Fixture.Open(fixture);

        Assert.Empty(SharedDataHub.XsdErrors(xsd, stream));
    }

    [SharedFact]
    public void An_xsd_violation_in_a_request_is_listed()
    {
        var text = Fixture.Text("Supply/request-e03.xml").Replace(" codingScheme=\"A10\">571313000000002017", ">571313000000002017", StringComparison.Ordinal);

        var errors = SharedDataHub.XsdErrors(RequestXsd, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(["line 23, position 6: The required attribute 'codingScheme' is missing."], errors);
    }
}
