using BiO.Domain.Prices;
using BiO.Domain.Reconciliation;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Documents;
using BiO.Market.Wholesale;
using NodaTime;

namespace BiO.Market.Tests;

/// <summary>RSM-019 NotifyWholesaleServices read from our fixtures (JSON and XML of the same content) and its read errors.</summary>
public sealed class WholesaleServicesReaderTests
{
    private const string Doc = "NotifyWholesaleServices_MarketDocument";
    internal const string JsonFixture = "Rsm019/wholesale-services-d32.json";
    internal const string XmlFixture = "Rsm019/wholesale-services-d32.xml";

    [Fact]
    public void Json_and_xml_of_the_same_content_read_equal()
    {
        using var json = Fixture.Open(JsonFixture);
        using var xml = Fixture.Open(XmlFixture);

        Assert.Equal(WholesaleServicesJsonReader.Read(json), WholesaleServicesXmlReader.Read(xml));
    }

    [Fact]
    public void The_header_and_every_series_are_read()
    {
        var document = WholesaleServicesJsonReader.Read(Fixture.Text(JsonFixture));

        Assert.Equal(("BIO-RSM019-0001", "E31", ProcessType.CorrectionSettlement, "5790001330552", "DGL"),
            (document.Header.DocumentId, document.Header.Type, document.Header.Process, document.Header.Sender.Id.Value, document.Header.Sender.Role));
        Assert.Equal(["S1-tariff-40000", "S2-subscription-ABO1", "S3-total-amount"], document.Series.Select(s => s.SeriesId));

        var tariff = document.Series[0];
        Assert.Equal((SettlementVersion.FirstCorrection, "344", "5790002000001", "E17", "E02", Resolution.Month, "KWH", "KWH", "DKK"),
            (tariff.Version, tariff.GridArea, tariff.EnergySupplier.Value, tariff.MeteringPointType, tariff.SettlementMethod, tariff.Resolution, tariff.QuantityUnit, tariff.PriceUnit, tariff.Currency));
        Assert.Equal(new ChargeKey("5790000432752", "40000", ChargeType.Tariff), tariff.Charge);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 2, 28, 23, 0), Instant.FromUtc(2026, 3, 31, 22, 0)), tariff.TimeInterval);
        Assert.Equal(new WholesalePoint(1, 1234.567m, null, 123.456789m, Quality.Measured), Assert.Single(tariff.Points));

        var subscription = document.Series[1];
        Assert.Equal((SettlementVersion.SecondCorrection, Resolution.Day, 28, "H87", (string?)null),
            (subscription.Version, subscription.Resolution, subscription.Points.Count, subscription.QuantityUnit, subscription.PriceUnit));
        Assert.Equal(new ChargeKey("5790001089030", "ABO1", ChargeType.Subscription), subscription.Charge);
        Assert.Equal(new WholesalePoint(1, 2m, 1.5m, 3m, Quality.Calculated), subscription.Points[0]);
        Assert.Equal(new WholesalePoint(28, 2m, 1.5m, 3.000001m, null), subscription.Points[27]);
        Assert.Equal((84.000001m, 56m), (subscription.Amount, subscription.Quantity));

        var total = document.Series[2];
        Assert.Equal(((ChargeKey?)null, (ChargeType?)null, 207.45679m, 0m), (total.Charge, total.ChargeType, total.Amount, total.Quantity));
    }

    [Fact]
    public void Results_are_the_charged_series_per_billing_period_with_their_versions()
    {
        var results = WholesaleServicesXmlReader.Read(Fixture.Text(XmlFixture)).Results();

        Assert.Equal(
        [
            new WholesaleResult(new ChargeKey("5790000432752", "40000", ChargeType.Tariff), "344", BillingPeriod.Of(new YearMonth(2026, 3)).Dates, SettlementVersion.FirstCorrection, 123.456789m, 1234.567m),
            new WholesaleResult(new ChargeKey("5790001089030", "ABO1", ChargeType.Subscription), "344", BillingPeriod.Of(new YearMonth(2026, 2)).Dates, SettlementVersion.SecondCorrection, 84.000001m, 56m),
        ], results);
    }

    [Fact]
    public void A_wholesale_fixing_is_version_D05_for_every_series()
    {
        var text = Fixture.Text(JsonFixture).Replace("\"value\": \"D32\"", "\"value\": \"D05\"", StringComparison.Ordinal);
        foreach (var version in new[] { "D01", "D02" })
        {
            text = text.Replace($"\"settlement_Series.version\": {{\n          \"value\": \"{version}\"\n        }},\n", string.Empty, StringComparison.Ordinal);
        }

        var document = WholesaleServicesJsonReader.Read(text);

        Assert.Equal(ProcessType.WholesaleFixing, document.Header.Process);
        Assert.All(document.Series, s => Assert.Equal(SettlementVersion.WholesaleFixing, s.Version));
    }

    private static DocumentReadException JsonError(string find, string replace) =>
        Assert.Throws<DocumentReadException>(() => WholesaleServicesJsonReader.Read(ReplaceOnce(Fixture.Text(JsonFixture), find, replace)));

    private static DocumentReadException XmlError(string find, string replace) =>
        Assert.Throws<DocumentReadException>(() => WholesaleServicesXmlReader.Read(ReplaceOnce(Fixture.Text(XmlFixture), find, replace)));

    private static string ReplaceOnce(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the fixture.");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    [Theory]
    [InlineData("\"value\": \"D03\"", "\"value\": \"D04\"", "S1-tariff-40000", "$.NotifyWholesaleServices_MarketDocument.Series[0].chargeType.type.value",
        "Unknown charge type 'D04'; expected D01 (subscription), D02 (fee) or D03 (tariff).")]
    [InlineData("\"value\": \"D01\"", "\"value\": \"D04\"", "S1-tariff-40000", "$.NotifyWholesaleServices_MarketDocument.Series[0].settlement_Series.version.value",
        "Unknown settlement version 'D04'; expected D01, D02 or D03.")]
    [InlineData("\"resolution\": \"P1D\"", "\"resolution\": \"PT30M\"", "S2-subscription-ABO1", "$.NotifyWholesaleServices_MarketDocument.Series[1].Period.resolution",
        "Unknown resolution 'PT30M'; expected PT15M, PT1H, P1D or P1M.")]
    [InlineData("\"energySum_Quantity.quantity\": 123.456789", "\"energySum_Quantity.quantity\": 123.4567891", "S1-tariff-40000",
        "$.NotifyWholesaleServices_MarketDocument.Series[0].Period.Point[0].energySum_Quantity.quantity", "Amount 123.4567891 has more than 6 decimals.")]
    [InlineData("\"energy_Quantity.quantity\": 1234.567", "\"energy_Quantity.quantity\": 1234.5678", "S1-tariff-40000",
        "$.NotifyWholesaleServices_MarketDocument.Series[0].Period.Point[0].energy_Quantity.quantity", "Quantity 1234.5678 has more than 3 decimals.")]
    [InlineData("\"value\": \"A04\"", "\"value\": \"A09\"", "S1-tariff-40000", "$.NotifyWholesaleServices_MarketDocument.Series[0].Period.Point[0].quality.value",
        "Unknown quality 'A09'; expected A01, A02, A03, A04, A05 or A06.")]
    [InlineData("\"value\": \"2026-01-31T23:00Z\"", "\"value\": \"2026-01-31T22:00Z\"", "S2-subscription-ABO1", "$.NotifyWholesaleServices_MarketDocument.Series[1].Period.timeInterval",
        "The interval 2026-01-31T22:00Z..2026-02-28T23:00Z does not start and end at local midnight (Europe/Copenhagen).")]
    [InlineData("\"chargeType.mRID\": \"40000\",", "", "S1-tariff-40000", "$.NotifyWholesaleServices_MarketDocument.Series[0]",
        "A series with a charge names chargeType.type, chargeType.mRID and chargeType.chargeTypeOwner_MarketParticipant.mRID; 'chargeType.mRID' is missing.")]
    [InlineData("\"value\": \"344\"", "\"value\": \"34\"", "S1-tariff-40000", "$.NotifyWholesaleServices_MarketDocument.Series[0].meteringGridArea_Domain.mRID.value",
        "A grid area has 3 digits, got '34'.")]
    public void Json_errors_name_document_series_place_and_problem(string find, string replace, string series, string place, string problem)
    {
        var error = JsonError(find, replace);

        Assert.Equal((Doc, "BIO-RSM019-0001", series, place, problem), (error.DocumentName, error.DocumentId, error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void A_correction_settlement_series_without_a_version_is_refused_at_the_series()
    {
        var error = JsonError("\"settlement_Series.version\": {\n          \"value\": \"D02\"\n        },\n", string.Empty);

        Assert.Equal(("S2-subscription-ABO1", "$.NotifyWholesaleServices_MarketDocument.Series[1]", "A correction settlement (D32) series needs settlement_Series.version D01, D02 or D03; it has none."),
            (error.SeriesId, error.Place, error.Problem));
    }

    [Fact]
    public void A_wholesale_fixing_series_with_a_version_is_refused()
    {
        var error = JsonError("\"value\": \"D32\"", "\"value\": \"D05\"");

        Assert.Equal(("S1-tariff-40000", "A wholesale fixing (D05) series has no settlement_Series.version, got 'D01'."), (error.SeriesId, error.Problem));
    }

    [Fact]
    public void Another_document_type_or_process_is_refused_in_the_header()
    {
        var type = JsonError("\"value\": \"E31\"", "\"value\": \"E66\"");
        var process = JsonError("\"value\": \"D32\"", "\"value\": \"E23\"");

        Assert.Equal(("$.NotifyWholesaleServices_MarketDocument.type.value", "Document type 'E66' is not E31 (NotifyWholesaleServices_MarketDocument)."), (type.Place, type.Problem));
        Assert.Equal("Unknown process type 'E23'; expected D05 or D32.", process.Problem);
        Assert.Null(process.SeriesId);
    }

    [Fact]
    public void Xml_errors_name_the_line_and_element_path()
    {
        var error = XmlError("<cim:energySum_Quantity.quantity>123.456789<", "<cim:energySum_Quantity.quantity>12x<");

        Assert.Equal(("BIO-RSM019-0001", "S1-tariff-40000", "Amount '12x' is not a number."), (error.DocumentId, error.SeriesId, error.Problem));
        Assert.Equal("line 34, position 10 (/NotifyWholesaleServices_MarketDocument/Series[1]/Period/Point[1]/energySum_Quantity.quantity)", error.Place);
    }

    [Fact]
    public void Xml_without_the_supplier_is_refused_at_the_series()
    {
        var error = XmlError("<cim:energySupplier_MarketParticipant.mRID codingScheme=\"A10\">5790002000001</cim:energySupplier_MarketParticipant.mRID>", string.Empty);

        Assert.Equal(("S1-tariff-40000", "'energySupplier_MarketParticipant.mRID' is required but missing."), (error.SeriesId, error.Problem));
        Assert.EndsWith("(/NotifyWholesaleServices_MarketDocument/Series[1])", error.Place, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_read_error()
    {
        var error = Assert.Throws<DocumentReadException>(() => WholesaleServicesJsonReader.Read("{\"NotifyWholesaleServices_MarketDocument\": {\"mRID\": \"X\", "));

        Assert.Equal("X", error.DocumentId);
        Assert.StartsWith("Malformed JSON", error.Problem, StringComparison.Ordinal);
    }
}
