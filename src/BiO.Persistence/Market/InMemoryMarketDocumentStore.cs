using System.Security.Cryptography;
using NodaTime;

namespace BiO.Persistence.Market;

/// <summary>The intake of the embedded profile without a database: lost when the process stops.</summary>
public sealed class InMemoryMarketDocumentStore : IMarketDocumentStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (ReceivedDocument Document, byte[] Hash, bool Published)> documents = new(StringComparer.Ordinal);
    private readonly List<RejectedDocument> rejected = [];

    public Task<StoreOutcome> StoreAsync(ReceivedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hash = SHA256.HashData(document.Body.Span);
        lock (gate)
        {
            if (documents.TryGetValue(document.DocumentId, out var known))
            {
                return Task.FromResult(known.Hash.AsSpan().SequenceEqual(hash) ? StoreOutcome.Duplicate : StoreOutcome.IdReused);
            }

            documents[document.DocumentId] = (document with { Body = document.Body.ToArray() }, hash, false);
            return Task.FromResult(StoreOutcome.Stored);
        }
    }

    public Task<long> RejectAsync(string? documentId, string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<string> reasons, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        if (reasons is not { Count: > 0 })
        {
            throw new ArgumentException("A rejected document needs at least one reason.", nameof(reasons));
        }

        lock (gate)
        {
            var id = rejected.Count + 1L;
            rejected.Add(new RejectedDocument(id, documentId, contentType, body.ToArray(), reasons.ToArray(), receivedAt));
            return Task.FromResult(id);
        }
    }

    public Task<IReadOnlyList<RejectedDocument>> ListRejectedAsync(int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<RejectedDocument>>(
                rejected.Where(r => before is null || r.Id < before).OrderByDescending(r => r.Id).Take(limit).ToList());
        }
    }

    public Task<IReadOnlyList<ReceivedDocument>> UnpublishedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ReceivedDocument>>(documents.Values
                .Where(d => !d.Published)
                .Select(d => d.Document)
                .OrderBy(d => d.ReceivedAt).ThenBy(d => d.DocumentId, StringComparer.Ordinal)
                .Take(limit)
                .ToList());
        }
    }

    public Task MarkPublishedAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        lock (gate)
        {
            foreach (var documentId in documentIds)
            {
                if (documents.TryGetValue(documentId, out var known))
                {
                    documents[documentId] = known with { Published = true };
                }
            }
        }

        return Task.CompletedTask;
    }
}
