using System.Text.Json;
using System.Xml;
using BiO.Market.Cim;

namespace BiO.MarketIntake;

/// <summary>
/// Which market document a body is: the name of its root (JSON: the one top-level member; XML: the root element), or
/// <see cref="DayAheadPrices"/> for Energi Data Service's spot prices (a JSON array, or an object with "records").
/// </summary>
public static class CimDocuments
{
    /// <summary>The name BiO gives Energi Data Service's DayAheadPrices dataset (not a CIM document).</summary>
    public const string DayAheadPrices = "DayAheadPrices";

    public static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    public static bool IsXml(string contentType) => contentType.Contains("xml", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="DocumentReadException">Not JSON or XML by content type, or no root to be read; says where.</exception>
    public static string RootName(string contentType, ReadOnlyMemory<byte> body)
    {
        try
        {
            if (IsJson(contentType))
            {
                var reader = new Utf8JsonReader(body.Span.StartsWith("\uFEFF"u8) ? body.Span[3..] : body.Span);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    return DayAheadPrices;
                }

                if (reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var first = reader.GetString()!;
                    return first.EndsWith("_MarketDocument", StringComparison.Ordinal) || !HasTopLevelRecords(body) ? first : DayAheadPrices;
                }

                throw Unreadable("$", "a CIM JSON document is an object with one member named after the document");
            }

            if (IsXml(contentType))
            {
                using var stream = new MemoryStream(body.ToArray(), writable: false);
                using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                reader.MoveToContent();
                return reader.LocalName;
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            throw Unreadable(ex is XmlException xml ? $"line {xml.LineNumber}, position {xml.LinePosition}" : "$", ex.Message);
        }

        throw Unreadable("Content-Type", $"'{contentType}' is neither CIM JSON (application/json) nor CIM XML (application/xml).");
    }

    private static bool HasTopLevelRecords(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array;
    }

    private static DocumentReadException Unreadable(string place, string problem) => new("market document", null, null, place, problem);
}
