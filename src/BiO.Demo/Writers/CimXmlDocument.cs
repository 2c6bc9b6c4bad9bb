using System.Text;
using System.Xml;

namespace BiO.Demo.Writers;

/// <summary>
/// Writes one CIM XML document (prefix <c>cim</c>, the document's namespace) into memory: the header first, then
/// whatever the caller adds; <see cref="ToArray"/> closes it and gives the UTF-8 bytes.
/// </summary>
internal sealed class CimXmlDocument : IDisposable
{
    private const string Prefix = "cim";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
    private readonly MemoryStream stream = new();
    private readonly XmlWriter writer;
    private readonly string ns;

    public CimXmlDocument(string root, string ns, CimHeader header, string? reasonCode = null)
    {
        this.ns = ns;
        writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement(Prefix, root, ns);
        Element("mRID", header.DocumentId);
        Element("type", header.Type);
        Element("process.processType", header.Process);
        Element("businessSector.type", "23");
        Coded("sender_MarketParticipant.mRID", header.Sender.Value);
        Element("sender_MarketParticipant.marketRole.type", header.SenderRole);
        Coded("receiver_MarketParticipant.mRID", header.Receiver.Value);
        Element("receiver_MarketParticipant.marketRole.type", header.ReceiverRole);
        Element("createdDateTime", DemoTime.Seconds(header.CreatedAt));
        if (reasonCode is not null)
        {
            Element("reason.code", reasonCode);
        }
    }

    public void Start(string name) => writer.WriteStartElement(Prefix, name, ns);

    public void End() => writer.WriteEndElement();

    public void Element(string name, string value) => writer.WriteElementString(Prefix, name, ns, value);

    /// <summary>An id with its coding scheme (A10 GLN/GSRN, NDK grid area).</summary>
    public void Coded(string name, string value, string codingScheme = "A10")
    {
        writer.WriteStartElement(Prefix, name, ns);
        writer.WriteAttributeString("codingScheme", codingScheme);
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    public byte[] ToArray()
    {
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
        return stream.ToArray();
    }

    public void Dispose()
    {
        writer.Dispose();
        stream.Dispose();
    }
}
