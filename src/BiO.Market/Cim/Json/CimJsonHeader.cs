using System.Text.Json;

namespace BiO.Market.Cim.Json;

/// <summary>Reads the header members every CIM JSON document shares.</summary>
internal static class CimJsonHeader
{
    /// <summary>On a member name: reads it into <paramref name="header"/> when it is a header member.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, ReadContext context, HeaderFields header)
    {
        foreach (var name in HeaderFields.Names)
        {
            if (reader.ValueTextEquals(name))
            {
                context.Push(name);
                var pushed = CimJson.ReadText(ref reader, context, out var text);
                header.Set(name, text, context);
                context.Pop(pushed + 1);
                return true;
            }
        }

        return false;
    }
}
