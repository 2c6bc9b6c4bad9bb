using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>
/// DataHub publishes its RequestChangeOfSupplier, charge link (D07) and AccountingPointCharacteristics (E07) samples
/// in XML only. Their CIM JSON form (<see cref="CimJsonForm"/>, in memory) reads through the JSON readers to the
/// records the XML readers give, and the 392 samples' JSON form is valid against DataHub's JSON schema. Skipped
/// with a reason without ../shared.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class DataHubSamplesAsJsonTests
{
    public static TheoryData<string> RequestSamples => ChangeOfSupplierConformanceTests.RequestSamples;

    private static string Text(params string[] path) => File.ReadAllText(Path.Combine([SharedDataHub.Root!, .. path]));

    [SharedTheory]
    [MemberData(nameof(RequestSamples))]
    public void A_request_samples_json_form_is_valid_and_reads_to_the_xml_records(string sample)
    {
        var xml = Text(sample);
        var json = CimJsonForm.FromXml(xml);

        Assert.Empty(SharedDataHub.JsonSchemaErrors("Request-Change-of-Supplier-assembly-model.schema.json", json));
        Assert.Equal(ChangeOfSupplierXmlReader.ReadRequest(xml), ChangeOfSupplierJsonReader.ReadRequest(json));
    }

    [SharedFact]
    public void The_charge_link_samples_json_form_reads_to_the_xml_records()
    {
        var xml = ChargeConformanceTests.WithIds(Text("charges", "outgoing-notify", "ExpectedOutputChargeLinkCimSerializer.xml"));

        var json = BillingMasterDataJsonReader.Read(CimJsonForm.FromXml(xml));

        Assert.Equal(BillingMasterDataXmlReader.Read(xml), json);
        Assert.Equal(10, json.Records.Count);
    }

    [SharedFact]
    public void The_master_data_samples_json_form_reads_to_the_xml_records()
    {
        var xml = Text("metering-point", "cim", "AccountingPointCharacteristics_outgoing_to_DDQ.xml")
            .Replace("AccountingPointcharacteristics_MarketDocument", AccountingPointCharacteristicsXmlReader.RootName, StringComparison.Ordinal);

        var json = AccountingPointCharacteristicsJsonReader.Read(CimJsonForm.FromXml(xml));

        Assert.Equal(AccountingPointCharacteristicsXmlReader.Read(xml), json);
        Assert.Equal("579999993331812345", Assert.Single(json.Records).MeteringPoint.Gsrn.Value);
    }
}
