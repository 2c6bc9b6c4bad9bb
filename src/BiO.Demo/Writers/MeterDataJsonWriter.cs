using System.Text.Json;
using BiO.Domain.TimeSeries;
using BiO.Market.Cim.Json;
using NodaTime;

namespace BiO.Demo.Writers;

/// <summary>
/// Writes RSM-012 NotifyValidatedMeasureData (E66) as CIM JSON, members as DataHub orders them: one series per
/// metering point-day, quantities in kWh with 3 decimals, quality written only when it is not A04 (an A02 point has
/// no quantity).
/// </summary>
internal static class MeterDataJsonWriter
{
    /// <summary>A series to write: its id, the point-day, when it was registered, and the request it answers (E30) if any.</summary>
    public readonly record struct Series(string SeriesId, MeterDay Day, Instant RegisteredAt, string? OriginalTransactionId);

    public static byte[] Write(CimHeader header, IEnumerable<Series> series)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject(ValidatedMeasureDataJsonReader.RootName);
            json.WriteString("mRID", header.DocumentId);
            Value(json, "businessSector.type", "23");
            json.WriteString("createdDateTime", DemoTime.Seconds(header.CreatedAt));
            Value(json, "process.processType", header.Process);
            Coded(json, "receiver_MarketParticipant.mRID", header.Receiver.Value);
            Value(json, "receiver_MarketParticipant.marketRole.type", header.ReceiverRole);
            Coded(json, "sender_MarketParticipant.mRID", header.Sender.Value);
            Value(json, "sender_MarketParticipant.marketRole.type", header.SenderRole);
            Value(json, "type", header.Type);
            json.WriteStartArray("Series");
            foreach (var item in series)
            {
                WriteSeries(json, item);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteSeries(Utf8JsonWriter json, Series item)
    {
        var day = item.Day;
        json.WriteStartObject();
        json.WriteString("mRID", item.SeriesId);
        Coded(json, "marketEvaluationPoint.mRID", day.Point.Gsrn.Value);
        Value(json, "marketEvaluationPoint.type", "E17");
        if (item.OriginalTransactionId is { } original)
        {
            json.WriteString("originalTransactionIDReference_Series.mRID", original);
        }

        json.WriteString("product", "8716867000030");
        Value(json, "quantity_Measure_Unit.name", "KWH");
        json.WriteString("registration_DateAndOrTime.dateTime", DemoTime.Seconds(item.RegisteredAt));
        json.WriteStartObject("Period");
        json.WriteString("resolution", day.Point.Resolution.Code);
        json.WriteStartObject("timeInterval");
        Value(json, "start", DemoTime.Minutes(day.Day.Utc.Start));
        Value(json, "end", DemoTime.Minutes(day.Day.Utc.End));
        json.WriteEndObject();
        json.WriteStartArray("Point");
        Span<byte> number = stackalloc byte[16];
        for (var i = 0; i < day.Wh.Length; i++)
        {
            json.WriteStartObject();
            json.WriteStartObject("position"u8);
            json.WriteNumber("value"u8, i + 1);
            json.WriteEndObject();
            var quality = day.Qualities[i];
            if (quality != Quality.NotAvailable)
            {
                json.WritePropertyName("quantity"u8);
                json.WriteRawValue(Kwh(day.Wh[i], number), skipInputValidation: true);
            }

            if (quality != Quality.Measured)
            {
                Value(json, "quality", quality.Code());
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Wh as kWh with 3 decimals (<c>1234</c> to <c>1.234</c>), written into <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<byte> Kwh(int wh, Span<byte> buffer)
    {
        var length = 0;
        if (wh < 0)
        {
            buffer[length++] = (byte)'-';
            wh = -wh;
        }

        System.Buffers.Text.Utf8Formatter.TryFormat(wh / 1000, buffer[length..], out var written);
        length += written;
        buffer[length++] = (byte)'.';
        var fraction = wh % 1000;
        buffer[length++] = (byte)('0' + (fraction / 100));
        buffer[length++] = (byte)('0' + (fraction / 10 % 10));
        buffer[length++] = (byte)('0' + (fraction % 10));
        return buffer[..length];
    }

    private static void Value(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject(name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void Coded(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject(name);
        json.WriteString("codingScheme", "A10");
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
