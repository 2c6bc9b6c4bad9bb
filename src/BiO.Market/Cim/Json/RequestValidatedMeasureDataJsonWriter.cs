using System.Text;
using System.Text.Json;
using BiO.Market.Documents;
using BiO.Market.Requests;

namespace BiO.Market.Cim.Json;

/// <summary>Writes RSM-015 RequestValidatedMeasureData_MarketDocument as CIM JSON (members in DataHub's order).</summary>
public static class RequestValidatedMeasureDataJsonWriter
{
    public const string RootName = "RequestValidatedMeasureData_MarketDocument";

    public static void Write(RequestValidatedMeasureData request, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        Write(request, writer);
    }

    public static string ToJson(RequestValidatedMeasureData request)
    {
        using var stream = new MemoryStream();
        Write(request, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Write(RequestValidatedMeasureData request, Utf8JsonWriter writer)
    {
        var header = request.Header;
        writer.WriteStartObject();
        writer.WriteStartObject(RootName);
        writer.WriteString("mRID", header.DocumentId);
        if (header.BusinessSector is { } sector)
        {
            Value(writer, "businessSector.type", sector);
        }

        writer.WriteString("createdDateTime", CimTime.ToSeconds(header.CreatedAt));
        Value(writer, "process.processType", header.Process.Code());
        Party(writer, "receiver_MarketParticipant", header.Receiver);
        Party(writer, "sender_MarketParticipant", header.Sender);
        Value(writer, "type", header.Type);
        writer.WriteStartArray("Series");
        foreach (var series in request.Series)
        {
            writer.WriteStartObject();
            writer.WriteString("mRID", series.TransactionId);
            writer.WriteString("end_DateAndOrTime.dateTime", CimTime.ToSeconds(series.Period.End));
            writer.WriteStartObject("marketEvaluationPoint.mRID");
            writer.WriteString("codingScheme", "A10");
            writer.WriteString("value", series.MeteringPoint.Value);
            writer.WriteEndObject();
            writer.WriteString("start_DateAndOrTime.dateTime", CimTime.ToSeconds(series.Period.Start));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Party(Utf8JsonWriter writer, string prefix, MarketParticipant party)
    {
        writer.WriteStartObject($"{prefix}.mRID");
        writer.WriteString("codingScheme", "A10");
        writer.WriteString("value", party.Id.Value);
        writer.WriteEndObject();
        Value(writer, $"{prefix}.marketRole.type", party.Role);
    }

    private static void Value(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }
}
