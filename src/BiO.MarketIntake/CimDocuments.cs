using System.Text.Json;
using System.Xml;
using BiO.Market.Cim;

namespace BiO.MarketIntake;

/// <summary>Which CIM document a body is: the name of its root (JSON: the one top-level member; XML: the root element).</summary>
public static class CimDocuments
{
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
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    return reader.GetString()!;
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

    private static DocumentReadException Unreadable(string place, string problem) => new("market document", null, null, place, problem);
}
