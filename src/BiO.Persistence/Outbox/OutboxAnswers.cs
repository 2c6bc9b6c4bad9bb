namespace BiO.Persistence.Outbox;

/// <summary>The rules of an answer, shared by the outbox implementations.</summary>
internal static class OutboxAnswers
{
    /// <exception cref="ArgumentException">No key, or a reject without a reason.</exception>
    public static void Validate(string key, bool accepted, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!accepted && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejected message needs the receiver's reason.", nameof(reason));
        }
    }
}
