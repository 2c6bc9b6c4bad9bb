using System.Text.Json;
using BiO.Market.Charges;
using BiO.Market.Documents;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads NotifyPriceList_MarketDocument (D12; processes D18 and D08) from CIM JSON in one pass with
/// <see cref="Utf8JsonReader"/>. Structure and values only: business rules are <see cref="PriceListValidator"/>'s.
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a missing required element, an unknown code or a
/// malformed value; the message names the document, the activity record and the JSON path.</exception>
public static class PriceListJsonReader
{
    public const string RootName = "NotifyPriceList_MarketDocument";

    private static readonly string[] RecordNames = ["mRID"];

    public static NotifyPriceList Read(Stream utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    public static NotifyPriceList Read(string json) => CimJson.Read(json, RootName, ReadDocument);

    private static NotifyPriceList ReadDocument(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(NotifyPriceList.DocumentType, NotifyPriceList.Processes);
        var records = new List<PriceListRecord>();
        var fields = new ChargeTypeFields();
        CimJson.ReadObject(ref reader, context, HeaderFields.Names, (name, text) => header.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "MktActivityRecord")
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) => records.Add(ReadRecord(ref e, ec, fields)));
                return true;
            });
        return new NotifyPriceList(header.Build(context), new ValueList<PriceListRecord>([.. records]));
    }

    private static PriceListRecord ReadRecord(ref Utf8JsonReader reader, ReadContext context, ChargeTypeFields fields)
    {
        var charges = new List<ChargeInformation>();
        var hasGroup = false;
        context.SeriesId = null;
        CimJson.ReadObject(ref reader, context, RecordNames, (_, text) => context.SeriesId = HeaderFields.Required(text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "ChargeGroup")
                {
                    return false;
                }

                hasGroup = true;
                c.Push(name);
                CimJson.Next(ref r, c);
                CimJson.ReadObject(ref r, c, [], (_, _) => { }, (ref Utf8JsonReader g, ReadContext gc, string member) =>
                {
                    if (member != "ChargeType")
                    {
                        return false;
                    }

                    CimJson.ReadArray(ref g, gc, member, (ref Utf8JsonReader e, ReadContext ec, int _) => charges.Add(ReadCharge(ref e, ec, fields)));
                    return true;
                });
                c.Pop();
                return true;
            });
        var id = context.SeriesId ?? throw context.Missing("mRID");
        if (!hasGroup || charges.Count == 0)
        {
            throw context.Missing(hasGroup ? "ChargeGroup.ChargeType" : "ChargeGroup");
        }

        return new PriceListRecord(id, new ValueList<ChargeInformation>([.. charges]));
    }

    private static ChargeInformation ReadCharge(ref Utf8JsonReader reader, ReadContext context, ChargeTypeFields fields)
    {
        CimJson.ReadObject(ref reader, context, ChargeTypeFields.Names, (name, text) => fields.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name != "Series_Period")
                {
                    return false;
                }

                CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) => ReadSeries(ref e, ec, fields));
                return true;
            });
        return fields.Build(context);
    }

    private static void ReadSeries(ref Utf8JsonReader reader, ReadContext context, ChargeTypeFields fields)
    {
        var series = fields.Series;
        CimJson.ReadObject(ref reader, context, PriceSeriesFields.Names, (name, text) => series.Set(name, text, context),
            (ref Utf8JsonReader r, ReadContext c, string name) =>
            {
                if (name == "timeInterval")
                {
                    c.Push(name);
                    CimJson.Next(ref r, c);
                    CimJson.ReadObject(ref r, c, PriceSeriesFields.IntervalNames, (field, text) => series.SetInterval(field, text, c));
                    series.CheckTimeInterval(c);
                    c.Pop();
                    return true;
                }

                if (name == "Point")
                {
                    CimJson.ReadArray(ref r, c, name, (ref Utf8JsonReader e, ReadContext ec, int _) =>
                    {
                        CimJson.ReadObject(ref e, ec, PriceSeriesFields.PointNames, (field, text) => series.SetPoint(field, text, ec));
                        series.EndPoint(ec);
                    });
                    return true;
                }

                return false;
            });
        fields.EndSeries(context);
    }
}
