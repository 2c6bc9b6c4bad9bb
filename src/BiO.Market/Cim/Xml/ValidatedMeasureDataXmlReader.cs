using System.Xml;
using BiO.Domain.TimeSeries;
using BiO.Market.Documents;
using BiO.Market.Measurements;

namespace BiO.Market.Cim.Xml;

/// <summary>
/// Reads RSM-012 NotifyValidatedMeasureData_MarketDocument (E66) from CIM XML in one pass with
/// <see cref="XmlReader"/>, to the same records as <see cref="Json.ValidatedMeasureDataJsonReader"/>.
/// Structure and values only: business rules are <see cref="MeasureDataValidator"/>'s.
/// </summary>
/// <exception cref="DocumentReadException">Malformed XML, a missing required element, an unknown code or a
/// malformed value; the message names the document, the series, the line and position and the element path.</exception>
public static class ValidatedMeasureDataXmlReader
{
    public const string RootName = "NotifyValidatedMeasureData_MarketDocument";
    public const string Namespace = "urn:ediel.org:measure:notifyvalidatedmeasuredata:0:1";

    public static ValidatedMeasureData Read(Stream xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    public static ValidatedMeasureData Read(string xml) => CimXml.Read(xml, RootName, Namespace, ReadDocument);

    private static ValidatedMeasureData ReadDocument(XmlReader reader, ReadContext context)
    {
        var header = new HeaderFields(ValidatedMeasureData.DocumentType);
        var series = new List<MeasureSeries>();
        var fields = new SeriesFields();
        if (CimXml.EnterChildren(reader))
        {
            while (CimXml.NextChild(reader, Namespace, context))
            {
                if (CimXmlHeader.TryRead(reader, context, header))
                {
                    continue;
                }

                if (reader.LocalName == "Series")
                {
                    CimXml.Enter(reader, context, "Series", series.Count);
                    ReadSeries(reader, context, fields);
                    series.Add(fields.Build(context));
                    context.Pop();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new ValidatedMeasureData(header.Build(context), new ValueList<MeasureSeries>([.. series]));
    }

    private static void ReadSeries(XmlReader reader, ReadContext context, SeriesFields fields)
    {
        if (!CimXml.EnterChildren(reader))
        {
            return;
        }

        while (CimXml.NextChild(reader, Namespace, context))
        {
            var name = reader.LocalName;
            switch (name)
            {
                case "mRID":
                    context.SeriesId = HeaderFields.Required(CimXml.Text(reader, context, name), context);
                    break;
                case "marketEvaluationPoint.mRID":
                    fields.SetMeteringPoint(CimXml.Text(reader, context, name), context);
                    break;
                case "marketEvaluationPoint.type":
                    fields.SetMeteringPointType(CimXml.Text(reader, context, name), context);
                    break;
                case "quantity_Measure_Unit.name":
                    fields.SetUnit(CimXml.Text(reader, context, name), context);
                    break;
                case "registration_DateAndOrTime.dateTime":
                    fields.SetRegisteredAt(CimXml.Text(reader, context, name), context);
                    break;
                case "originalTransactionIDReference_Series.mRID":
                    fields.SetOriginalTransactionId(CimXml.Text(reader, context, name));
                    break;
                case "product":
                    fields.SetProduct(CimXml.Text(reader, context, name));
                    break;
                case "Period":
                    CimXml.Enter(reader, context, name);
                    ReadPeriod(reader, context, fields);
                    break;
                default:
                    reader.Skip();
                    continue;
            }

            context.Pop();
        }
    }

    private static void ReadPeriod(XmlReader reader, ReadContext context, SeriesFields fields)
    {
        fields.MarkPeriod();
        if (CimXml.EnterChildren(reader))
        {
            var index = 0;
            while (CimXml.NextChild(reader, Namespace, context))
            {
                var name = reader.LocalName;
                switch (name)
                {
                    case "resolution":
                        fields.SetResolution(CimXml.Text(reader, context, name), context);
                        context.Pop();
                        break;
                    case "timeInterval":
                        CimXml.Enter(reader, context, name);
                        ReadTimeInterval(reader, context, fields);
                        context.Pop();
                        break;
                    case "Point":
                        fields.MarkPoints();
                        CimXml.Enter(reader, context, name, index++);
                        fields.AddPoint(ReadPoint(reader, context));
                        context.Pop();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        fields.CheckPeriod(context);
    }

    private static void ReadTimeInterval(XmlReader reader, ReadContext context, SeriesFields fields)
    {
        fields.MarkTimeInterval();
        if (CimXml.EnterChildren(reader))
        {
            while (CimXml.NextChild(reader, Namespace, context))
            {
                var name = reader.LocalName;
                if (name is "start" or "end")
                {
                    var text = CimXml.Text(reader, context, name);
                    if (name == "start")
                    {
                        fields.SetStart(text, context);
                    }
                    else
                    {
                        fields.SetEnd(text, context);
                    }

                    context.Pop();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        fields.CheckTimeInterval(context);
    }

    private static MeasurePoint ReadPoint(XmlReader reader, ReadContext context)
    {
        int? position = null;
        decimal? quantity = null;
        var quality = Quality.Measured;
        if (CimXml.EnterChildren(reader))
        {
            while (CimXml.NextChild(reader, Namespace, context))
            {
                var name = reader.LocalName;
                switch (name)
                {
                    case "position":
                        position = CimValues.TryPosition(CimXml.Text(reader, context, name), out var value, out var error)
                            ? value
                            : throw context.Error(error);
                        break;
                    case "quantity":
                        quantity = CimValues.TryQuantity(CimXml.Text(reader, context, name), out var amount, out error)
                            ? amount
                            : throw context.Error(error);
                        break;
                    case "quality":
                        quality = CimValues.TryQuality(CimXml.Text(reader, context, name), out var parsed, out error)
                            ? parsed
                            : throw context.Error(error);
                        break;
                    default:
                        reader.Skip();
                        continue;
                }

                context.Pop();
            }
        }

        return new MeasurePoint(position ?? throw context.Missing("position"), quantity, quality);
    }
}
