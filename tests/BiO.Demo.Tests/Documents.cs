using System.Text;
using BiO.Demo;
using BiO.Market.Cim.Json;
using BiO.Market.Cim.Xml;
using BiO.Market.Measurements;

namespace BiO.Demo.Tests;

/// <summary>Reads generated documents back with BiO.Market's readers.</summary>
internal static class Documents
{
    public static MemoryStream Stream(MarketDocument document) => new(document.Body, writable: false);

    public static string Text(MarketDocument document) => Encoding.UTF8.GetString(document.Body);

    public static ValidatedMeasureData MeterData(MarketDocument document)
    {
        Assert.Equal((DocumentKinds.MeterData, DocumentKinds.Json), (document.Kind, document.ContentType));
        return ValidatedMeasureDataJsonReader.Read(document.Body);
    }

    /// <summary>Every delivered series of the month by GSRN and the start of its day.</summary>
    public static Dictionary<(string Gsrn, NodaTime.Instant Start), MeasureSeries> DeliveredSeries(DemoMonth month) =>
        month.MeterDataDocuments().SelectMany(d => MeterData(d).Series)
            .ToDictionary(s => (s.MeteringPoint.Value, s.Period.TimeInterval.Start));

    public static readonly DemoOptions Small = new()
    {
        Seed = 42,
        MeteringPoints = 60,
        MissingShare = 0.3,
        QuarterHourShare = 0.7,
        MidMonthStartShare = 0.1,
        SeriesPerDocument = 250,
        RecordsPerDocument = 25,
    };

    /// <summary>The root the market intake routes on: the XML root element, or the JSON document's one member.</summary>
    public static string RootOf(MarketDocument document) => document.ContentType == DocumentKinds.Xml
        ? System.Xml.Linq.XDocument.Parse(Text(document)).Root!.Name.LocalName
        : System.Text.Json.JsonDocument.Parse(document.Body).RootElement.EnumerateObject().First().Name;
}
