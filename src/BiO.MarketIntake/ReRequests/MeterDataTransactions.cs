using System.Globalization;

namespace BiO.MarketIntake.ReRequests;

/// <summary>
/// The series mRID of a re-request: <c>BIO-RSM015-{outbox message id}</c>. DataHub's answers refer to it
/// (<c>originalTransactionIDReference_Series.mRID</c>), which leads back to the outbox message and so its key.
/// </summary>
public static class MeterDataTransactions
{
    public const string Prefix = "BIO-RSM015-";

    public static string Of(long messageId) => Prefix + messageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The outbox message id in a reference, when it is one of ours.</summary>
    public static bool TryMessageId(string? reference, out long messageId)
    {
        messageId = 0;
        return reference is not null && reference.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(reference.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out messageId);
    }
}
