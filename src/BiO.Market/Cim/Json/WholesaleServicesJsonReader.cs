using System.Text.Json;
using BiO.Market.Documents;
using BiO.Market.Wholesale;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads RSM-019 NotifyWholesaleServices_MarketDocument (E31; processes D05 and D32) from CIM JSON in one pass with
/// <see cref="Utf8JsonReader"/>.
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a missing required element, an unknown code or a malformed
/// value; the message names the document, the series and the JSON path.</exception>
public static class WholesaleServicesJsonReader
{
    public const string RootName = "NotifyWholesaleServices_MarketDocument";

    public static NotifyWholesaleServices Read(Stream utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    public static NotifyWholesaleServices Read(string json) => CimJson.Read(json, RootName, ReadDocument);

    private static NotifyWholesaleServices ReadDocument(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyWholesaleServices.DocumentType, NotifyWholesaleServices.Processes);
        var fields = new WholesaleSeriesFields();
        var series = new List<PendingSeries>();
        CimJson.ReadObject(ref reader, context, HeaderFields.Names, (name, text) => header.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "Series")
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) => series.Add(ReadSeries(ref e, ec, fields)));
                return true;
            });
        context.SeriesId = null;
        var built = header.Build(context);
        return new NotifyWholesaleServices(built, WholesaleSeriesFields.Resolve(built.Process, series, context));
    }

    private static PendingSeries ReadSeries(ref Utf8JsonReader reader, ReadContext context, WholesaleSeriesFields fields)
    {
        WholesaleSeriesFields.Begin(context);
        CimJson.ReadObject(ref reader, context, WholesaleSeriesFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "Period")
                {
                    return false;
                }

                c.Push(name);
                CimJson.Next(ref r, c);
                fields.MarkPeriod();
                ReadPeriod(ref r, c, fields);
                c.Pop();
                return true;
            });
        return fields.Build(context);
    }

    private static void ReadPeriod(ref Utf8JsonReader reader, ReadContext context, WholesaleSeriesFields fields)
    {
        CimJson.ReadObject(ref reader, context, WholesaleSeriesFields.PeriodNames, (_, text) => fields.SetResolution(text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name == "timeInterval")
                {
                    c.Push(name);
                    CimJson.Next(ref r, c);
                    CimJson.ReadObject(ref r, c, WholesaleSeriesFields.IntervalNames, (field, text) => fields.SetInterval(field, text, c));
                    fields.CheckTimeInterval(c);
                    c.Pop();
                    return true;
                }

                if (name == "Point")
                {
                    CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                    {
                        CimJson.ReadObject(ref e, ec, WholesaleSeriesFields.PointNames, (field, text) => fields.SetPoint(field, text, ec));
                        fields.EndPoint(ec);
                    });
                    return true;
                }

                return false;
            });
    }
}
