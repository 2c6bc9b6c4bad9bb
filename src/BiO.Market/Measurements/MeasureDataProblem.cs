namespace BiO.Market.Measurements;

/// <summary>
/// A business rule an RSM-012 document breaks.
/// </summary>
/// <param name="DocumentId">The document mRID.</param>
/// <param name="SeriesId">The series mRID.</param>
/// <param name="Place">Where in the document, independent of JSON or XML: <c>Series[0].Period.Point[3]</c> (0-based, document order).</param>
/// <param name="Message">What is wrong, fit to show a user.</param>
public sealed record MeasureDataProblem(string DocumentId, string? SeriesId, string Place, string Message)
{
    public override string ToString() => $"{DocumentId}, series {SeriesId}, at {Place}: {Message}";
}
