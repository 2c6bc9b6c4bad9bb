namespace BiO.Market.Cim;

/// <summary>
/// A DataHub document could not be read: its structure or a value is wrong. The message names the document
/// (mRID, if read so far), the series (if any), the place (a JSON path, or XML line and position with the
/// element path) and what is wrong.
/// </summary>
public sealed class DocumentReadException : FormatException
{
    public DocumentReadException(string documentName, string? documentId, string? seriesId, string place, string problem)
        : base(Describe(documentName, documentId, seriesId, place, problem))
    {
        DocumentName = documentName;
        DocumentId = documentId;
        SeriesId = seriesId;
        Place = place;
        Problem = problem;
    }

    /// <summary>The kind of document, e.g. NotifyValidatedMeasureData_MarketDocument.</summary>
    public string DocumentName { get; }

    /// <summary>The document mRID, when it was read before the problem.</summary>
    public string? DocumentId { get; }

    /// <summary>The series mRID, when the problem is inside a series whose mRID was read.</summary>
    public string? SeriesId { get; }

    /// <summary>Where: <c>$.Doc.Series[0].Period.Point[3].quantity</c>, or <c>line 31, position 18 (/Doc/Series[1]/...)</c>.</summary>
    public string Place { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Describe(string documentName, string? documentId, string? seriesId, string place, string problem)
    {
        var document = documentId is null ? $"{documentName} (mRID not read yet)" : $"{documentName} {documentId}";
        var series = seriesId is null ? string.Empty : $", series {seriesId}";
        return $"{document}{series}, at {place}: {problem}";
    }
}
