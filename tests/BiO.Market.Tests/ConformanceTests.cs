using System.Text;
using BiO.Market.Cim;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;
using BiO.Market.Requests;

namespace BiO.Market.Tests;

/// <summary>
/// Every CIM RSM-012 and RSM-015 sample of DataHub's own repository (../shared/datahub/edi/samples) validates
/// against its schema and reads. Without ../shared the theories are skipped with a reason (<see cref="SharedTheoryAttribute"/>;
/// xunit 2.9.3 fails a theory without rows); <see cref="Shared_datahub_presence_is_stated"/> says which case ran. CI always has ../shared.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceTests
{
    private const string NotifySchema = "Notify-Validated-measure-data-assembly-model.schema.json";
    private const string NotifyXsd = "urn-ediel-org-measure-notifyvalidatedmeasuredata-0-1.xsd";
    private const string RequestSchema = "Request-validated-measure-data-assembly-model.schema.json";
    private const string RequestXsd = "urn-ediel-org-measure-requestvalidatedmeasuredata-0-1.xsd";
    private const string RejectSchema = "Reject-request-validated-measure-data-assembly-model.schema.json";
    private const string RejectXsd = "urn-ediel-org-measure-rejectrequestvalidatedmeasuredata-0-1.xsd";

    /// <summary>
    /// The one sample that does not read, on purpose: a template whose GSRN is the placeholder
    /// "{MeteringPointId}" (and mRIDs "{MessageId}", "{TransactionId}"); the schema allows any string there.
    /// </summary>
    private const string Template = "json_MeteredDataForMeteringPoint.json";

    public static TheoryData<string> Rsm012Samples => Samples("json_MeteredDataForMeteringPoint*.json", "xml_MeteredDataForMeteringPoint*.xml");

    public static TheoryData<string> Rsm015Samples => Samples("Json_RequestValidatedMeasurements*.json", "Xml_RequestValidatedMeasurements*.xml");

    public static TheoryData<string> WriterFormats => SharedDataHub.Root is null ? [] : new TheoryData<string> { "json", "xml" };

    private static TheoryData<string> Samples(params string[] patterns)
    {
        var data = new TheoryData<string>();
        if (SharedDataHub.Root is not null)
        {
            foreach (var file in patterns.SelectMany(p => Directory.GetFiles(SharedDataHub.Samples, p)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    private static Stream Open(string sample) => File.OpenRead(Path.Combine(SharedDataHub.Samples, sample));

    private static string Text(string sample) => File.ReadAllText(Path.Combine(SharedDataHub.Samples, sample));

    [Fact]
    public void Shared_datahub_presence_is_stated()
    {
        if (SharedDataHub.Root is null)
        {
            // No ../shared beside this clone: the conformance theories above have no rows. CI always has it.
            Assert.Empty(Rsm012Samples);
            return;
        }

        Assert.Equal(5, Rsm012Samples.Count);
        Assert.Equal(2, Rsm015Samples.Count);
    }

    [SharedTheory]
    [MemberData(nameof(Rsm012Samples))]
    public void Rsm012_sample_validates_against_its_schema_and_reads(string sample)
    {
        if (sample.EndsWith(".json", StringComparison.Ordinal))
        {
            Assert.Empty(SharedDataHub.JsonSchemaErrors(NotifySchema, Text(sample)));
            using var stream = Open(sample);
            if (sample == Template)
            {
                var error = Assert.Throws<DocumentReadException>(() => ValidatedMeasureDataJsonReader.Read(stream));
                Assert.Equal("$.NotifyValidatedMeasureData_MarketDocument.Series[0].marketEvaluationPoint.mRID.value", error.Place);
                Assert.Equal(("{MessageId}", "{TransactionId}"), (error.DocumentId, error.SeriesId));
                return;
            }

            Assert.NotEmpty(ValidatedMeasureDataJsonReader.Read(stream).Series);
        }
        else
        {
            using (var stream = Open(sample))
            {
                Assert.Empty(SharedDataHub.XsdErrors(NotifyXsd, stream));
            }

            using var again = Open(sample);
            Assert.NotEmpty(ValidatedMeasureDataXmlReader.Read(again).Series);
        }
    }

    [SharedTheory]
    [MemberData(nameof(Rsm015Samples))]
    public void Rsm015_sample_validates_against_its_schema_and_reads(string sample)
    {
        if (sample.EndsWith(".json", StringComparison.Ordinal))
        {
            Assert.Empty(SharedDataHub.JsonSchemaErrors(RequestSchema, Text(sample)));
            using var stream = Open(sample);
            Assert.Single(RequestDocumentsJsonReader.ReadRequest(stream).Series);
        }
        else
        {
            using (var stream = Open(sample))
            {
                Assert.Empty(SharedDataHub.XsdErrors(RequestXsd, stream));
            }

            using var again = Open(sample);
            Assert.Single(RequestDocumentsXmlReader.ReadRequest(again).Series);
        }
    }

    /// <summary>
    /// The RSM-012 JSON and XML samples of one name carry the same header and series but different points
    /// (JSON 242, 242, 222, 202, 191 and A02; XML 56 A03 six times): the records are equal without the points
    /// and differ in the points.
    /// </summary>
    [SharedTheory]
    [MemberData(nameof(PairNames))]
    public void Rsm012_json_and_xml_pairs_are_equal_but_for_their_points(string name)
    {
        using var jsonStream = Open($"json_MeteredDataForMeteringPoint_{name}.json");
        using var xmlStream = Open($"xml_MeteredDataForMeteringPoint_{name}.xml");
        var json = ValidatedMeasureDataJsonReader.Read(jsonStream);
        var xml = ValidatedMeasureDataXmlReader.Read(xmlStream);

        Assert.Equal(json.Header, xml.Header);
        Assert.Equal(json.Series.Count, xml.Series.Count);
        for (var i = 0; i < json.Series.Count; i++)
        {
            Assert.Equal(WithoutPoints(json.Series[i]), WithoutPoints(xml.Series[i]));
            Assert.Equal(json.Series[i].Period.Points.Select(p => p.Position), xml.Series[i].Period.Points.Select(p => p.Position));
            Assert.NotEqual(json.Series[i].Period.Points, xml.Series[i].Period.Points);
        }

        Assert.NotEqual(json, xml);
    }

    public static TheoryData<string> PairNames => SharedDataHub.Root is null
        ? []
        : new TheoryData<string> { "ValidMeteredDataForMeteringPoint", "ValidMeteredDataForMeteringPointWithTwoTransactions" };

    public static TheoryData<string> RequestPairNames => SharedDataHub.Root is null
        ? []
        : new TheoryData<string> { "ValidRequestValidatedMeasurements" };

    /// <summary>The RSM-015 JSON and XML samples carry the same content: the records are equal.</summary>
    [SharedTheory]
    [MemberData(nameof(RequestPairNames))]
    public void Rsm015_json_and_xml_samples_read_to_equal_requests(string name)
    {
        using var json = Open($"Json_RequestValidatedMeasurements_{name}.json");
        using var xml = Open($"Xml_RequestValidatedMeasurements_{name}.xml");

        Assert.Equal(RequestDocumentsJsonReader.ReadRequest(json), RequestDocumentsXmlReader.ReadRequest(xml));
    }

    [SharedTheory]
    [MemberData(nameof(WriterFormats))]
    public void An_rsm015_we_write_validates_against_datahubs_schema(string format)
    {
        var request = RequestValidatedMeasureDataTests.Sample();
        if (format == "json")
        {
            Assert.Empty(SharedDataHub.JsonSchemaErrors(RequestSchema, RequestValidatedMeasureDataJsonWriter.ToJson(request)));
        }
        else
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(RequestValidatedMeasureDataXmlWriter.ToXml(request)));
            Assert.Empty(SharedDataHub.XsdErrors(RequestXsd, stream));
        }
    }

    [SharedTheory]
    [MemberData(nameof(WriterFormats))]
    public void Our_own_fixtures_validate_against_datahubs_schemas(string format)
    {
        // pt1h-rule-breaks is left out on purpose: its position 0 breaks the schemas' minimum of 1 (the reader
        // accepts it and the validator reports it, with the other rule breaks).
        var rsm012 = new[] { "pt1h-all-qualities", "pt15m-dst-days", "pt1h-six-of-24" };
        if (format == "json")
        {
            Assert.All(rsm012, f => Assert.Empty(SharedDataHub.JsonSchemaErrors(NotifySchema, Fixture.Text($"Rsm012/{f}.json"))));
            Assert.Empty(SharedDataHub.JsonSchemaErrors(RejectSchema, Fixture.Text("Rsm015/reject.json")));
        }
        else
        {
            Assert.All(rsm012, f =>
            {
                using var stream = Fixture.Open($"Rsm012/{f}.xml");
                Assert.Empty(SharedDataHub.XsdErrors(NotifyXsd, stream));
            });
            using var reject = Fixture.Open("Rsm015/reject.xml");
            Assert.Empty(SharedDataHub.XsdErrors(RejectXsd, reject));
        }
    }

    [SharedTheory]
    [MemberData(nameof(WriterFormats))]
    public void The_schema_check_itself_can_fail(string format)
    {
        if (format == "json")
        {
            var broken = Fixture.Text("Rsm012/pt1h-six-of-24.json").Replace("\"value\": \"A04\"", "\"value\": \"A09\"", StringComparison.Ordinal);
            Assert.NotEmpty(SharedDataHub.JsonSchemaErrors(NotifySchema, broken));
        }
        else
        {
            using var xml = new MemoryStream(Encoding.UTF8.GetBytes(Fixture.Text("Rsm012/pt1h-six-of-24.xml").Replace("<cim:quality>A04", "<cim:quality>A09", StringComparison.Ordinal)));
            Assert.NotEmpty(SharedDataHub.XsdErrors(NotifyXsd, xml));
        }
    }

    private static MeasureSeries WithoutPoints(MeasureSeries series) =>
        series with { Period = series.Period with { Points = Documents.ValueList<MeasurePoint>.Empty } };
}
