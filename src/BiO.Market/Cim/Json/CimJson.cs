using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace BiO.Market.Cim.Json;

/// <summary>Reads one document root from UTF-8 JSON with <see cref="Utf8JsonReader"/>.</summary>
internal delegate T JsonDocumentReader<out T>(ref Utf8JsonReader reader, ReadContext context);

/// <summary>Reads one array element; the reader is on its first token.</summary>
internal delegate void JsonElementReader(ref Utf8JsonReader reader, ReadContext context, int index);

/// <summary>On a member name: reads its value and returns true, or returns false to have it skipped.</summary>
internal delegate bool JsonMemberReader(ref Utf8JsonReader reader, ReadContext context, string name);

/// <summary>
/// Shared moves of the CIM JSON readers over <see cref="Utf8JsonReader"/>: no DOM, one pass, the place kept in a
/// <see cref="ReadContext"/>. A stream is read once into a pooled buffer (the reader needs contiguous bytes to
/// skip unknown members), which is returned when the document has been read.
/// </summary>
internal static class CimJson
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static T Read<T>(Stream utf8Json, string rootName, JsonDocumentReader<T> readDocument)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = ArrayPool<byte>.Shared.Rent(utf8Json.CanSeek ? (int)Math.Max(16, utf8Json.Length - utf8Json.Position) + 1 : 64 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = utf8Json.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Read(buffer.AsSpan(0, length), rootName, readDocument);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static T Read<T>(string json, string rootName, JsonDocumentReader<T> readDocument)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), rootName, readDocument);
    }

    public static T Read<T>(ReadOnlySpan<byte> utf8Json, string rootName, JsonDocumentReader<T> readDocument)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var context = new ReadContext(rootName, PlaceStyle.Json);
        try
        {
            return ReadRoot(utf8Json, rootName, readDocument, context);
        }
        catch (JsonException e)
        {
            throw context.Error($"Malformed JSON: {e.Message}"); // at the place still pushed where the reader stopped
        }
    }

    private static T ReadRoot<T>(ReadOnlySpan<byte> utf8Json, string rootName, JsonDocumentReader<T> readDocument, ReadContext context)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        Next(ref reader, context);
        Expect(ref reader, JsonTokenType.StartObject, context);
        T? document = default;
        var found = false;
        while (NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals(rootName))
            {
                context.Push(rootName);
                Next(ref reader, context);
                Expect(ref reader, JsonTokenType.StartObject, context);
                document = readDocument(ref reader, context);
                context.Pop();
                found = true;
            }
            else
            {
                throw context.Error($"Unexpected member '{reader.GetString()}'; this reader reads {rootName}.");
            }
        }

        return found ? document! : throw context.Missing(rootName);
    }

    /// <summary>
    /// On a member name whose value is an array: reads each element with <paramref name="element"/>, the place at
    /// <c>name[index]</c> and the reader on the element's first token.
    /// </summary>
    public static void ReadArray(ref Utf8JsonReader reader, ReadContext context, string name, JsonElementReader element)
    {
        context.Push(name);
        Next(ref reader, context);
        Expect(ref reader, JsonTokenType.StartArray, context);
        context.Pop();
        for (var index = 0; ; index++)
        {
            Next(ref reader, context);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            context.Push(name, index);
            element(ref reader, context, index);
            context.Pop();
        }
    }

    /// <summary>
    /// On an object's first token: reads its members, leaf members named in <paramref name="leaves"/> as text
    /// (plain or <c>{ "value": ... }</c>) handed to <paramref name="leaf"/> with the place at the value; any other
    /// member goes to <paramref name="other"/> (on its name; it returns false to have it skipped).
    /// </summary>
    public static void ReadObject(ref Utf8JsonReader reader, ReadContext context, IReadOnlyList<string> leaves,
        Action<string, string> leaf, JsonMemberReader? other = null)
    {
        Expect(ref reader, JsonTokenType.StartObject, context);
        while (NextProperty(ref reader, context))
        {
            var name = reader.GetString()!;
            if (leaves.Contains(name))
            {
                context.Push(name);
                var pushed = ReadText(ref reader, context, out var text);
                leaf(name, text);
                context.Pop(pushed + 1);
            }
            else if (other is null || !other(ref reader, context, name))
            {
                SkipValue(ref reader, context);
            }
        }
    }

    /// <summary>
    /// Moves to the next token; a premature end is a read error at the current place, and so is malformed JSON (the
    /// reader's <see cref="JsonException"/>, turned into one by <see cref="Read{T}(ReadOnlySpan{byte}, string, JsonDocumentReader{T})"/>
    /// with the place still pushed: one handler for the document rather than one per token keeps this small enough to inline).
    /// </summary>
    public static void Next(ref Utf8JsonReader reader, ReadContext context)
    {
        if (!reader.Read())
        {
            throw EndsEarly(context);
        }
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, ReadContext context)
    {
        if (reader.TokenType != expected)
        {
            throw Unexpected(reader.TokenType, expected, context);
        }
    }

    // The error paths apart, so that the moves above stay small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DocumentReadException EndsEarly(ReadContext context) => context.Error("The JSON ends too early.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DocumentReadException Unexpected(JsonTokenType got, JsonTokenType expected, ReadContext context) =>
        context.Error($"Expected {Describe(expected)}, got {Describe(got)}.");

    /// <summary>Inside an object: moves to the next member name (true) or to the object's end (false).</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, ReadContext context)
    {
        Next(ref reader, context);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>On a member name: skips its value (a member this reader does not use); malformed JSON as in <see cref="Next"/>.</summary>
    public static void SkipValue(ref Utf8JsonReader reader, ReadContext context) => reader.Skip();

    /// <summary>
    /// On a member name: reads its value as text, either a plain string (<c>"mRID": "1"</c>) or the
    /// <c>value</c> of a CIM object (<c>"type": { "value": "E66" }</c>). Returns how many place segments it left
    /// pushed (1 for <c>value</c>) so the caller's errors point at the value; the caller pops them.
    /// </summary>
    public static int ReadText(ref Utf8JsonReader reader, ReadContext context, out string text)
    {
        Next(ref reader, context);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            text = Scalar(ref reader, context);
            return 0;
        }

        string? value = null;
        while (NextProperty(ref reader, context))
        {
            if (reader.ValueTextEquals("value"u8))
            {
                context.Push("value");
                Next(ref reader, context);
                value = Scalar(ref reader, context);
                context.Pop();
            }
            else
            {
                SkipValue(ref reader, context);
            }
        }

        text = value ?? throw context.Missing("value");
        context.Push("value");
        return 1;
    }

    private static string Scalar(ref Utf8JsonReader reader, ReadContext context) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw context.Error($"Expected a string, got {Describe(reader.TokenType)}."),
    };

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => token.ToString(),
    };
}
