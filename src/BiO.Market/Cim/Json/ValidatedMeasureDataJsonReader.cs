using System.Text.Json;
using BiO.Domain.TimeSeries;
using BiO.Market.Documents;
using BiO.Market.Measurements;

namespace BiO.Market.Cim.Json;

/// <summary>
/// Reads RSM-012 NotifyValidatedMeasureData_MarketDocument (E66) from CIM JSON in one pass with
/// <see cref="Utf8JsonReader"/>. Structure and values only: business rules are <see cref="MeasureDataValidator"/>'s.
/// Members the model does not use (e.g. <c>in_Domain.mRID</c>) are skipped.
/// </summary>
/// <exception cref="DocumentReadException">Malformed JSON, a missing required element, an unknown code or a
/// malformed value; the message names the document, the series and the JSON path.</exception>
public static class ValidatedMeasureDataJsonReader
{
    public const string RootName = "NotifyValidatedMeasureData_MarketDocument";

    public static ValidatedMeasureData Read(Stream utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    public static ValidatedMeasureData Read(string json) => CimJson.Read(json, RootName, ReadDocument);

    public static ValidatedMeasureData Read(ReadOnlySpan<byte> utf8Json) => CimJson.Read(utf8Json, RootName, ReadDocument);

    private static ValidatedMeasureData ReadDocument(ref Utf8JsonReader reader, ReadContext context)
    {
        var header = new HeaderFields(ValidatedMeasureData.DocumentType);
        var series = new List<MeasureSeries>();
        var fields = new SeriesFields();
        while (CimJson.NextProperty(ref reader, context))
        {
            if (CimJsonHeader.TryRead(ref reader, context, header))
            {
                continue;
            }

            if (reader.ValueTextEquals("Series"u8))
            {
                context.Push("Series");
                CimJson.Next(ref reader, context);
                CimJson.Expect(ref reader, JsonTokenType.StartArray, context);
                context.Pop();
                for (var index = 0; Element(ref reader, context); index++)
                {
                    context.Push("Series", index);
                    ReadSeries(ref reader, context, fields);
                    series.Add(fields.Build(context));
                    context.Pop();
                }
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
            }
        }

        return new ValidatedMeasureData(header.Build(context), new ValueList<MeasureSeries>([.. series]));
    }

    private static void ReadSeries(ref Utf8JsonReader reader, ReadContext context, SeriesFields fields)
    {
        CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
        while (CimJson.NextProperty(ref reader, context))
        {
            int pushed;
            string text;
            if (reader.ValueTextEquals("mRID"u8))
            {
                context.Push("mRID");
                pushed = CimJson.ReadText(ref reader, context, out text);
                context.SeriesId = HeaderFields.Required(text, context);
            }
            else if (reader.ValueTextEquals("marketEvaluationPoint.mRID"u8))
            {
                context.Push("marketEvaluationPoint.mRID");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetMeteringPoint(text, context);
            }
            else if (reader.ValueTextEquals("marketEvaluationPoint.type"u8))
            {
                context.Push("marketEvaluationPoint.type");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetMeteringPointType(text, context);
            }
            else if (reader.ValueTextEquals("quantity_Measure_Unit.name"u8))
            {
                context.Push("quantity_Measure_Unit.name");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetUnit(text, context);
            }
            else if (reader.ValueTextEquals("registration_DateAndOrTime.dateTime"u8))
            {
                context.Push("registration_DateAndOrTime.dateTime");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetRegisteredAt(text, context);
            }
            else if (reader.ValueTextEquals("originalTransactionIDReference_Series.mRID"u8))
            {
                context.Push("originalTransactionIDReference_Series.mRID");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetOriginalTransactionId(text);
            }
            else if (reader.ValueTextEquals("product"u8))
            {
                context.Push("product");
                pushed = CimJson.ReadText(ref reader, context, out text);
                fields.SetProduct(text);
            }
            else if (reader.ValueTextEquals("Period"u8))
            {
                context.Push("Period");
                pushed = 0;
                ReadPeriod(ref reader, context, fields);
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
                continue;
            }

            context.Pop(pushed + 1);
        }
    }

    private static void ReadPeriod(ref Utf8JsonReader reader, ReadContext context, SeriesFields fields)
    {
        CimJson.Next(ref reader, context);
        CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
        fields.MarkPeriod();
        while (CimJson.NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals("resolution"u8))
            {
                context.Push("resolution");
                var pushed = CimJson.ReadText(ref reader, context, out var text);
                fields.SetResolution(text, context);
                context.Pop(pushed + 1);
            }
            else if (reader.ValueTextEquals("timeInterval"u8))
            {
                context.Push("timeInterval");
                ReadTimeInterval(ref reader, context, fields);
                context.Pop();
            }
            else if (reader.ValueTextEquals("Point"u8))
            {
                context.Push("Point");
                CimJson.Next(ref reader, context);
                CimJson.Expect(ref reader, JsonTokenType.StartArray, context);
                context.Pop();
                fields.MarkPoints();
                for (var index = 0; Element(ref reader, context); index++)
                {
                    context.Push("Point", index);
                    fields.AddPoint(ReadPoint(ref reader, context));
                    context.Pop();
                }
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
            }
        }

        fields.CheckPeriod(context);
    }

    private static void ReadTimeInterval(ref Utf8JsonReader reader, ReadContext context, SeriesFields fields)
    {
        CimJson.Next(ref reader, context);
        CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
        fields.MarkTimeInterval();
        while (CimJson.NextProperty(ref reader, context))
        {
            var isStart = reader.ValueTextEquals("start"u8);
            if (isStart || reader.ValueTextEquals("end"u8))
            {
                context.Push(isStart ? "start" : "end");
                var pushed = CimJson.ReadText(ref reader, context, out var text);
                if (isStart)
                {
                    fields.SetStart(text, context);
                }
                else
                {
                    fields.SetEnd(text, context);
                }

                context.Pop(pushed + 1);
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
            }
        }

        fields.CheckTimeInterval(context);
    }

    /// <summary>The hot path: no strings are made for a well-formed point.</summary>
    private static MeasurePoint ReadPoint(ref Utf8JsonReader reader, ReadContext context)
    {
        CimJson.Expect(ref reader, JsonTokenType.StartObject, context);
        int? position = null;
        decimal? quantity = null;
        var quality = Quality.Measured;
        while (CimJson.NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals("position"u8))
            {
                context.Push("position");
                var pushed = EnterValue(ref reader, context);
                position = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
                    ? value
                    : throw context.Error($"Position must be a whole number, got {Text(ref reader)}.");
                context.Pop(pushed + 1);
                LeaveValue(ref reader, context, pushed);
            }
            else if (reader.ValueTextEquals("quantity"u8))
            {
                context.Push("quantity");
                quantity = ReadQuantity(ref reader, context);
                context.Pop();
            }
            else if (reader.ValueTextEquals("quality"u8))
            {
                context.Push("quality");
                var pushed = EnterValue(ref reader, context);
                quality = ReadQuality(ref reader, context);
                context.Pop(pushed + 1);
                LeaveValue(ref reader, context, pushed);
            }
            else
            {
                CimJson.SkipValue(ref reader, context);
            }
        }

        return new MeasurePoint(position ?? throw context.Missing("position"), quantity, quality);
    }

    private static decimal? ReadQuantity(ref Utf8JsonReader reader, ReadContext context)
    {
        CimJson.Next(ref reader, context);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw context.Error($"Quantity must be a JSON number, got {Text(ref reader)}.");
        }

        if (!reader.TryGetDecimal(out var quantity))
        {
            throw context.Error($"Quantity {Text(ref reader)} is not a decimal number in range.");
        }

        return CimValues.TryQuantity(quantity, out var error) ? quantity : throw context.Error(error);
    }

    private static Quality ReadQuality(ref Utf8JsonReader reader, ReadContext context)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length == 3)
        {
            var code = reader.ValueSpan;
            if (code[0] == (byte)'A' && code[1] == (byte)'0' && code[2] is >= (byte)'1' and <= (byte)'6')
            {
                return (Quality)(code[2] - '0');
            }
        }

        return CimValues.TryQuality(reader.TokenType == JsonTokenType.String ? reader.GetString() : Text(ref reader), out var quality, out var error)
            ? quality
            : throw context.Error(error);
    }

    /// <summary>Moves onto a scalar, descending into <c>{ "value": ... }</c> (pushing <c>value</c>, returns 1).</summary>
    private static int EnterValue(ref Utf8JsonReader reader, ReadContext context)
    {
        CimJson.Next(ref reader, context);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (CimJson.NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals("value"u8))
            {
                context.Push("value");
                CimJson.Next(ref reader, context);
                return 1;
            }

            CimJson.SkipValue(ref reader, context);
        }

        throw context.Missing("value");
    }

    /// <summary>After a scalar entered by <see cref="EnterValue"/>: skips what follows it in its object.</summary>
    private static void LeaveValue(ref Utf8JsonReader reader, ReadContext context, int pushed)
    {
        if (pushed == 0)
        {
            return;
        }

        while (CimJson.NextProperty(ref reader, context))
        {
            CimJson.SkipValue(ref reader, context);
        }
    }

    /// <summary>Inside an array: moves to the next element (true) or the array's end (false).</summary>
    private static bool Element(ref Utf8JsonReader reader, ReadContext context)
    {
        CimJson.Next(ref reader, context);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static string Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string '{reader.GetString()}'",
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => CimJson.Describe(reader.TokenType),
    };
}
