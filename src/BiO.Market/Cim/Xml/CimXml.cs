using System.Xml;

namespace BiO.Market.Cim.Xml;

/// <summary>Reads one document root with <see cref="XmlReader"/>; the reader is on the root element.</summary>
internal delegate T XmlDocumentReader<out T>(XmlReader reader, ReadContext context);

/// <summary>
/// Shared moves of the CIM XML readers over a forward-only <see cref="XmlReader"/> (no DOM): elements in the
/// document's namespace are read in any order, others are skipped; the place (line, position and element path)
/// is kept in a <see cref="ReadContext"/>.
/// </summary>
internal static class CimXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    public static T Read<T>(Stream xml, string rootName, string ns, XmlDocumentReader<T> readDocument)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(xml, Settings);
        return Read(reader, rootName, ns, readDocument);
    }

    public static T Read<T>(string xml, string rootName, string ns, XmlDocumentReader<T> readDocument)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml.TrimStart('\uFEFF'));
        using var reader = XmlReader.Create(text, Settings);
        return Read(reader, rootName, ns, readDocument);
    }

    private static T Read<T>(XmlReader reader, string rootName, string ns, XmlDocumentReader<T> readDocument)
    {
        var context = new ReadContext(rootName, PlaceStyle.Xml);
        try
        {
            reader.MoveToContent();
            Enter(reader, context, reader.LocalName);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != rootName || reader.NamespaceURI != ns)
            {
                throw context.Error($"The root element is '{reader.Name}' in namespace '{reader.NamespaceURI}'; expected {rootName} in namespace '{ns}'.");
            }

            return readDocument(reader, context);
        }
        catch (XmlException e)
        {
            throw context.ErrorAt(e.LineNumber, e.LinePosition, $"Malformed XML: {e.Message}");
        }
    }

    /// <summary>Pushes the element the reader is on, with its line and position.</summary>
    public static void Enter(XmlReader reader, ReadContext context, string name, int index = -1)
    {
        var line = (IXmlLineInfo)reader;
        context.Push(name, index, line.LineNumber, line.LinePosition);
    }

    /// <summary>On an element: moves into its content; false (and past it) when it is empty.</summary>
    public static bool EnterChildren(XmlReader reader)
    {
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    /// <summary>
    /// Inside an element: moves to its next child in <paramref name="ns"/> (true), skipping foreign elements, or
    /// past its end tag (false).
    /// </summary>
    public static bool NextChild(XmlReader reader, string ns, ReadContext context)
    {
        while (true)
        {
            switch (reader.MoveToContent())
            {
                case XmlNodeType.Element when reader.NamespaceURI == ns:
                    return true;
                case XmlNodeType.Element:
                    reader.Skip();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                default:
                    throw context.Error($"Unexpected {reader.NodeType} '{reader.Value.Trim()}' where elements were expected.");
            }
        }
    }

    /// <summary>
    /// Reads a document's header fields into <paramref name="header"/> and each <c>MktActivityRecord</c> with
    /// <paramref name="readRecord"/> (called on the record element, its place pushed on the context).
    /// </summary>
    public static List<T> ReadHeaderAndRecords<T>(XmlReader reader, string ns, ReadContext context, HeaderFields header, Func<T> readRecord)
    {
        var records = new List<T>();
        ReadElement(reader, ns, context, HeaderFields.Names, (name, text) => header.Set(name, text, context), name =>
        {
            if (name != "MktActivityRecord")
            {
                return false;
            }

            Enter(reader, context, name, records.Count);
            records.Add(readRecord());
            context.Pop();
            return true;
        });
        return records;
    }

    /// <summary>
    /// On an element (already entered in the context): reads its children in <paramref name="ns"/>, leaves named in
    /// <paramref name="leaves"/> as text handed to <paramref name="leaf"/> with the place at the leaf; any other child
    /// goes to <paramref name="other"/> (on its start tag; it reads it and returns true, or returns false to have it
    /// skipped).
    /// </summary>
    public static void ReadElement(XmlReader reader, string ns, ReadContext context, IReadOnlyList<string> leaves,
        Action<string, string> leaf, Func<string, bool>? other = null)
    {
        if (!EnterChildren(reader))
        {
            return;
        }

        while (NextChild(reader, ns, context))
        {
            var name = reader.LocalName;
            if (leaves.Contains(name))
            {
                var text = Text(reader, context, name);
                leaf(name, text);
                context.Pop();
            }
            else if (other is null || !other(name))
            {
                reader.Skip();
            }
        }
    }

    /// <summary>On a leaf element: pushes it and reads its text (the caller pops).</summary>
    public static string Text(XmlReader reader, ReadContext context, string name)
    {
        Enter(reader, context, name);
        try
        {
            return reader.ReadElementContentAsString().Trim();
        }
        catch (XmlException e)
        {
            throw e.LineNumber > 0
                ? context.ErrorAt(e.LineNumber, e.LinePosition, $"Malformed XML: {e.Message}")
                : context.Error($"Expected text only: {e.Message}");
        }
    }
}
