using System.Text;

namespace BiO.Market.Cim;

/// <summary>
/// Where a reader is in a document (a stack of element names with array indices and, for XML, line and
/// position) and which document and series it is in, so that every error can say so. The place text is built
/// only when an error is raised.
/// </summary>
internal sealed class ReadContext(string documentName, PlaceStyle style)
{
    // A stack kept by hand: pushed and popped for every member read, so no List bookkeeping.
    private Segment[] path = new Segment[8];
    private int depth;

    public string DocumentName { get; } = documentName;

    public string? DocumentId { get; set; }

    public string? SeriesId { get; set; }

    public void Push(string name, int index = -1, int line = 0, int column = 0)
    {
        if (depth == path.Length)
        {
            Array.Resize(ref path, depth * 2);
        }

        path[depth++] = new Segment(name, index, line, column);
    }

    public void Pop(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, depth);
        depth -= count;
    }

    /// <summary>The current place: <c>$.A.B[0].c</c> for JSON, <c>line L, position P (/A/B[1]/c)</c> for XML.</summary>
    public string Place
    {
        get
        {
            var text = new StringBuilder(style == PlaceStyle.Json ? "$" : string.Empty);
            foreach (var segment in path.AsSpan(0, depth))
            {
                text.Append(style == PlaceStyle.Json ? '.' : '/').Append(segment.Name);
                if (segment.Index >= 0)
                {
                    text.Append('[').Append(style == PlaceStyle.Json ? segment.Index : segment.Index + 1).Append(']');
                }
            }

            if (style == PlaceStyle.Json || depth == 0)
            {
                return text.ToString();
            }

            var last = path[depth - 1];
            return $"line {last.Line}, position {last.Column} ({text})";
        }
    }

    /// <summary>An XML error at a given line and position (of the parser), within the current element path.</summary>
    public DocumentReadException ErrorAt(int line, int column, string problem)
    {
        var place = Place;
        var elements = place.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? place[open..] : string.Empty;
        return new(DocumentName, DocumentId, SeriesId, $"line {line}, position {column} {elements}".TrimEnd(), problem);
    }

    public DocumentReadException Error(string problem) => new(DocumentName, DocumentId, SeriesId, Place, problem);

    /// <summary>A required child of the current element is missing.</summary>
    public DocumentReadException Missing(string child) =>
        Error($"'{child}' is required but missing.");

    private readonly record struct Segment(string Name, int Index, int Line, int Column);
}

internal enum PlaceStyle
{
    Json,
    Xml,
}
