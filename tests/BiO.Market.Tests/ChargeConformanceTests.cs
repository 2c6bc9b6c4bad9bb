using System.Text.RegularExpressions;
using BiO.Domain.Prices;
using BiO.Market.Charges;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;

namespace BiO.Market.Tests;

/// <summary>
/// DataHub's charge samples (../shared/datahub/charges/outgoing-notify): the expected outputs of DataHub's own
/// serializer tests. DataHub publishes no schema for NotifyPriceList or NotifyBillingMasterData (edi/schemas has
/// none), so they are checked by reading only. They carry placeholders where GLNs and GSRNs belong ("Recipient",
/// "Owner1", "MeteringPoint1"): a strict reader refuses them as they are, naming the place; with the placeholders
/// replaced by well-formed ids (in memory) they read, and the JSON and XML forms read to equal records.
/// </summary>
[Trait("Category", "Conformance")]
public sealed partial class ChargeConformanceTests
{
    public static TheoryData<string> PriceListSamples => Samples("ExpectedOutputChargeCim*SerializerCharge*.*", "ExpectedOutputChargeCimSerializerMasterDataAndPrices.xml");

    public static TheoryData<string> PriceListPairs => SharedDataHub.Root is null ? [] : new TheoryData<string> { "ChargeInformation", "ChargePrices" };

    private static string Folder => Path.Combine(SharedDataHub.Root!, "charges", "outgoing-notify");

    private static TheoryData<string> Samples(params string[] patterns)
    {
        var data = new TheoryData<string>();
        if (SharedDataHub.Root is not null)
        {
            foreach (var file in patterns.SelectMany(p => Directory.GetFiles(Folder, p)).Distinct().Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    internal static string Text(string sample) => File.ReadAllText(Path.Combine(Folder, sample));

    /// <summary>"Recipient" and "OwnerN" become GLNs, "MeteringPointN" a GSRN.</summary>
    internal static string WithIds(string text) =>
        MeteringPointPattern().Replace(text, m => $"5713130000000{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):D5}")
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal) is var points ? OwnerPattern().Replace(points, m => (5790000000000L + long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("TestRecipient1111", "5790002000001", StringComparison.Ordinal)
            .Replace("Recipient", "5790002000001", StringComparison.Ordinal) : text;

    [GeneratedRegex("MeteringPoint([0-9]+)")]
    private static partial Regex MeteringPointPattern();

    [GeneratedRegex("Owner([0-9]+)")]
    private static partial Regex OwnerPattern();

    private static NotifyPriceList Read(string sample, string text) => sample.EndsWith(".json", StringComparison.Ordinal)
        ? PriceListJsonReader.Read(text)
        : PriceListXmlReader.Read(text);

    [Fact]
    public void Shared_charge_samples_are_found_when_shared_is_present()
    {
        Assert.Equal(SharedDataHub.Root is null ? 0 : 5, PriceListSamples.Count);
    }

    [SharedTheory]
    [MemberData(nameof(PriceListSamples))]
    public void Price_list_sample_is_refused_as_is_at_its_placeholder_receiver(string sample)
    {
        var error = Assert.Throws<DocumentReadException>(() => Read(sample, Text(sample)));

        Assert.Equal(("00000000000000000000000000000000", (string?)null, "A GLN has exactly 13 digits, got 'Recipient' (9 characters)."),
            (error.DocumentId, error.SeriesId, error.Problem));
        Assert.Contains("receiver_MarketParticipant.mRID", error.Place, StringComparison.Ordinal);
    }

    [SharedTheory]
    [MemberData(nameof(PriceListSamples))]
    public void Price_list_sample_reads_with_ids_in_place_of_its_placeholders(string sample)
    {
        var document = Read(sample, WithIds(Text(sample)));

        Assert.Equal("D12", document.Header.Type);
        Assert.Equal(10, document.Records.Count);
        var charges = document.Records.Select(r => Assert.Single(r.Charges)).ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"ChargeId{i}"), charges.Select(c => c.Code));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"{5790000000000L + i}"), charges.Select(c => c.Owner.Value));
        var prices = sample.Contains("Prices", StringComparison.Ordinal);
        Assert.All(charges, c => Assert.Equal(prices, c.PriceSeries.Count == 1));
        Assert.All(charges.Where(c => prices), c => Assert.Equal(c.Type == ChargeType.Tariff ? 24 : 1, c.PriceSeries[0].Prices.Count));
    }

    /// <summary>
    /// What the validator makes of them: the samples' tariffs carry 24 hourly prices for an interval of 79 years
    /// (2021..2100), every charge, subscriptions and fees too, has tax indicator true, and the combined master data
    /// and prices sample (process D18) gives no priceTimeFrame_Period.resolution.
    /// </summary>
    [SharedTheory]
    [MemberData(nameof(PriceListSamples))]
    public void Price_list_sample_breaks_the_rules_it_visibly_breaks(string sample)
    {
        var document = Read(sample, WithIds(Text(sample)));
        var problems = PriceListValidator.Validate(document);
        var charges = document.Records.Select(r => r.Charges[0]).ToArray();

        var taxes = problems.Where(p => p.Message.Contains("VR.920", StringComparison.Ordinal)).ToArray();
        var gaps = problems.Where(p => p.Message.Contains("VR.909", StringComparison.Ordinal)).ToArray();
        Assert.Equal(charges.Count(c => c.Type != ChargeType.Tariff && c.TaxIndicator == true), taxes.Length);
        Assert.Equal(charges.Count(c => c.Type == ChargeType.Tariff && c.PriceSeries.Count > 0), gaps.Length);
        Assert.All(gaps, g => Assert.StartsWith("Prices 25..", g.Message, StringComparison.Ordinal));
        var noResolution = problems.Where(p => p.Message.Contains("VR.912", StringComparison.Ordinal)).ToArray();
        Assert.Equal(document.Header.Process == Documents.ProcessType.ChargeInformation ? charges.Count(c => c.Resolution is null) : 0, noResolution.Length);
        Assert.Equal(problems.Count, taxes.Length + gaps.Length + noResolution.Length);
    }

    private const string LinkSample = "ExpectedOutputChargeLinkCimSerializer.xml";

    [SharedFact]
    public void Charge_link_sample_is_refused_as_is_and_reads_with_ids()
    {
        var error = Assert.Throws<DocumentReadException>(() => BillingMasterDataXmlReader.Read(Text(LinkSample)));
        Assert.Equal("A GLN has exactly 13 digits, got 'TestRecipient1111' (17 characters).", error.Problem);
        Assert.Contains("/receiver_MarketParticipant.mRID)", error.Place, StringComparison.Ordinal);

        var document = BillingMasterDataXmlReader.Read(WithIds(Text(LinkSample)));
        Assert.Equal(10, document.Records.Count);
        Assert.Equal("571313000000000001", document.Records[0].MeteringPoint.Value);
        var links = document.Records.Select(r => Assert.Single(r.Links)).ToArray();
        Assert.Equal(Enumerable.Range(1, 10), links.Select(l => l.Factor));
        Assert.Empty(ChargeLinkValidator.Validate(document));
    }

    [SharedTheory]
    [MemberData(nameof(PriceListPairs))]
    public void Price_list_json_and_xml_samples_read_to_equal_records(string name)
    {
        var json = PriceListJsonReader.Read(WithIds(Text($"ExpectedOutputChargeCimJsonSerializer{name}.json")));
        var xml = PriceListXmlReader.Read(WithIds(Text($"ExpectedOutputChargeCimSerializer{name}.xml")));

        Assert.Equal(json, xml);
    }
}
