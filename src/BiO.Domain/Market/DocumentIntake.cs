using NodaTime;

namespace BiO.Domain.Market;

/// <summary>A market document as far as intake cares: its id (mRID), its type code and the period it concerns.</summary>
/// <param name="DocumentId">The document mRID: the idempotency key.</param>
/// <param name="DocumentType">The CIM document type code, e.g. E66 for validated meter data.</param>
/// <param name="Period">The UTC interval the document concerns, [start, end).</param>
public sealed record DocumentHeader(string DocumentId, string DocumentType, Interval Period)
{
    /// <summary>Checks the header; the message names the document and what is wrong.</summary>
    /// <exception cref="ArgumentException">An id or type is missing, or the period is empty or unbounded.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DocumentId))
        {
            throw new ArgumentException("A market document needs an mRID (document id).", nameof(DocumentId));
        }

        if (string.IsNullOrWhiteSpace(DocumentType))
        {
            throw new ArgumentException($"Document {DocumentId}: the document type is missing.", nameof(DocumentType));
        }

        if (!Period.HasStart || !Period.HasEnd || Period.Duration <= Duration.Zero)
        {
            throw new ArgumentException($"Document {DocumentId}: the period {Period} must be bounded and non-empty.", nameof(Period));
        }
    }
}

/// <summary>What intake decided for a document.</summary>
public enum IntakeOutcome
{
    /// <summary>First time seen: apply it.</summary>
    Accepted,

    /// <summary>Seen before (same mRID): change nothing.</summary>
    Duplicate,
}

/// <summary>
/// Every market message carries an id; handling it twice changes nothing. Intake decides, from the ids
/// already handled, whether a document is new.
/// </summary>
public static class DocumentIntake
{
    /// <summary>Decides whether <paramref name="header"/> is new against the ids already handled.</summary>
    public static IntakeOutcome Decide(DocumentHeader header, Func<string, bool> alreadyHandled)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(alreadyHandled);
        header.Validate();
        return alreadyHandled(header.DocumentId) ? IntakeOutcome.Duplicate : IntakeOutcome.Accepted;
    }
}
