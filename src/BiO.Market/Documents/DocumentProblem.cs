namespace BiO.Market.Documents;

/// <summary>
/// A business rule a document that reads still breaks.
/// </summary>
/// <param name="DocumentId">The document mRID.</param>
/// <param name="TransactionId">The mRID of the series or activity record the problem is in, if any.</param>
/// <param name="Place">Where in the document, independent of JSON or XML: <c>MktActivityRecord[0].ChargeGroup.ChargeType[0].mRID</c> (0-based, document order).</param>
/// <param name="Message">What is wrong, fit to show a user.</param>
public sealed record DocumentProblem(string DocumentId, string? TransactionId, string Place, string Message)
{
    public override string ToString() => $"{DocumentId}, transaction {TransactionId}, at {Place}: {Message}";
}
