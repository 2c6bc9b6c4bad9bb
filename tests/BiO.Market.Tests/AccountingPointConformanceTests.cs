using System.Text;
using BiO.Market.Cim;
using BiO.Market.Cim.Xml;
using BiO.Market.MeteringPoints;

namespace BiO.Market.Tests;

/// <summary>
/// DataHub's one CIM AccountingPointCharacteristics (E07) sample, metering-point/cim/AccountingPointCharacteristics_outgoing_to_DDQ.xml,
/// comes from an archived repository and predates the XSD (../shared/datahub/README.md, "Known quirks"). The strict
/// reader refuses it for its root, and the XSD lists what else is wrong with it.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class AccountingPointConformanceTests
{
    private const string Xsd = "urn-ediel-org-structure-accountingpointcharacteristics-0-1.xsd";
    private const string MisspeltRoot = "AccountingPointcharacteristics_MarketDocument";

    private static string Sample => File.ReadAllText(Path.Combine(SharedDataHub.Root!, "metering-point", "cim", "AccountingPointCharacteristics_outgoing_to_DDQ.xml"));

    /// <summary>The sample with its root spelled as in the XSD (in memory; the file is untouched).</summary>
    private static string WithRootSpelledRight => Sample.Replace(MisspeltRoot, AccountingPointCharacteristicsXmlReader.RootName, StringComparison.Ordinal);

    private static IReadOnlyList<string> XsdErrors(string xml) =>
        SharedDataHub.XsdErrors(Xsd, new MemoryStream(Encoding.UTF8.GetBytes(xml.TrimStart('\uFEFF'))));

    [SharedFact]
    public void The_strict_reader_refuses_the_sample_for_its_misspelt_root()
    {
        var error = Assert.Throws<DocumentReadException>(() => AccountingPointCharacteristicsXmlReader.Read(Sample));

        Assert.Equal((null, null), (error.DocumentId, error.SeriesId));
        Assert.Equal("line 14, position 2 (/AccountingPointcharacteristics_MarketDocument)", error.Place);
        Assert.Equal("The root element is 'cim:AccountingPointcharacteristics_MarketDocument' in namespace 'urn:ediel.org:structure:accountingpointcharacteristics:0:1'; " +
            "expected AccountingPointCharacteristics_MarketDocument in namespace 'urn:ediel.org:structure:accountingpointcharacteristics:0:1'.", error.Problem);
    }

    [SharedFact]
    public void The_xsd_refuses_the_sample_for_its_root()
    {
        Assert.Equal(
            ["line 14, position 2: The 'urn:ediel.org:structure:accountingpointcharacteristics:0:1:AccountingPointcharacteristics_MarketDocument' element is not declared."],
            XsdErrors(Sample));
    }

    /// <summary>
    /// nextReadingDate "1201" is no xs:gMonthDay (that would be --12-01), linked_MarketEvaluationPoint.mRID (line 41)
    /// has no codingScheme, and Series comes after supplyStart where the XSD wants it before energySupplier.
    /// </summary>
    [SharedFact]
    public void With_the_root_spelled_right_the_xsd_lists_the_samples_other_violations()
    {
        var errors = XsdErrors(WithRootSpelledRight);

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("line 37, position 34: The 'urn:ediel.org:structure:accountingpointcharacteristics:0:1:nextReadingDate' element is invalid - The value '1201' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:gMonthDay'", errors[0], StringComparison.Ordinal);
        Assert.Equal("line 41, position 8: The required attribute 'codingScheme' is missing.", errors[1]);
        Assert.StartsWith("line 52, position 8: The element 'MarketEvaluationPoint' in namespace 'urn:ediel.org:structure:accountingpointcharacteristics:0:1' has invalid child element 'Series'", errors[2], StringComparison.Ordinal);
        Assert.Contains("List of possible elements expected: 'description, ", errors[2], StringComparison.Ordinal);
    }

    [SharedFact]
    public void With_the_root_spelled_right_the_sample_reads_and_the_validator_names_its_own_parent()
    {
        var document = AccountingPointCharacteristicsXmlReader.Read(WithRootSpelledRight);

        Assert.Equal(("25365897", Documents.ProcessType.ConnectMeteringPoint), (document.Header.DocumentId, document.Header.Process));
        var point = Assert.Single(document.Records).MeteringPoint;
        Assert.Equal(("579999993331812345", "E17", "E02", "031", "5799999933318"), (point.Gsrn.Value, point.Type, point.SettlementMethod, point.GridArea, point.EnergySupplier!.Value.Value));
        Assert.Equal(("Vestergade", "Middelfart", "5500"), (point.Address!.StreetName, point.Address.City, point.Address.PostalCode));
        Assert.Equal(["MktActivityRecord[0].MarketEvaluationPoint.Parent_MarketEvaluationPoint.mRID: Metering point 579999993331812345 is given as its own parent."],
            AccountingPointValidator.Validate(document).Select(p => $"{p.Place}: {p.Message}"));
    }
}
