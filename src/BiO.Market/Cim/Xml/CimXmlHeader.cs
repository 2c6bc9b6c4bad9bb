using System.Xml;

namespace BiO.Market.Cim.Xml;

/// <summary>Reads the header elements every CIM XML document shares.</summary>
internal static class CimXmlHeader
{
    /// <summary>On a child element: reads it into <paramref name="header"/> when it is a header element.</summary>
    public static bool TryRead(XmlReader reader, ReadContext context, HeaderFields header)
    {
        var name = reader.LocalName;
        if (Array.IndexOf(HeaderFields.Names, name) < 0)
        {
            return false;
        }

        header.Set(name, CimXml.Text(reader, context, name), context);
        context.Pop();
        return true;
    }
}
