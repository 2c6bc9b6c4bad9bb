using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;
using NodaTime;
using NpgsqlTypes;

namespace BiO.Persistence.Market;

/// <summary>A market document as received: its id (mRID), type code, content type and body, exactly as sent.</summary>
public sealed record ReceivedDocument(string DocumentId, string DocumentType, string ContentType, ReadOnlyMemory<byte> Body, Instant ReceivedAt);

/// <summary>What storing a document did.</summary>
public enum StoreOutcome
{
    /// <summary>Stored now, for the first time: it will be published.</summary>
    Stored,

    /// <summary>The same mRID with the same content was stored before: acknowledge, change nothing.</summary>
    Duplicate,

    /// <summary>The mRID is known with other content: refuse (a document id must not be reused).</summary>
    IdReused,
}

/// <summary>A refused document, with every reason.</summary>
public sealed record RejectedDocument(long Id, string? DocumentId, string ContentType, ReadOnlyMemory<byte> Body, IReadOnlyList<string> Reasons, Instant ReceivedAt);

/// <summary>
/// The intake of the market adapter: a document is stored before it is acknowledged, once per mRID; refused ones go to
/// the dead-letter store; documents not yet handed to the cluster are listed for replay.
/// </summary>
public interface IMarketDocumentStore
{
    /// <summary>Stores <paramref name="document"/> unless its mRID is known; tells a duplicate from a reused id.</summary>
    Task<StoreOutcome> StoreAsync(ReceivedDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores many documents at once (group commit): each as <see cref="StoreAsync"/> would, the outcomes in the order
    /// given; when the task completes, every document answered <see cref="StoreOutcome.Stored"/> is durable. The same
    /// mRID twice in one call is stored once: the later ones are duplicates or reused ids of the first.
    /// </summary>
    async Task<IReadOnlyList<StoreOutcome>> StoreManyAsync(IReadOnlyList<ReceivedDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var outcomes = new StoreOutcome[documents.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = await StoreAsync(documents[i], cancellationToken);
        }

        return outcomes;
    }

    /// <summary>Puts a refused document in the dead-letter store; returns its id there.</summary>
    Task<long> RejectAsync(string? documentId, string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<string> reasons, Instant receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Refused documents, newest first, a page at a time (ids below <paramref name="before"/> when given).</summary>
    Task<IReadOnlyList<RejectedDocument>> ListRejectedAsync(int limit, long? before = null, CancellationToken cancellationToken = default);

    /// <summary>Stored documents not yet handed to the cluster, oldest first: what to publish (again).</summary>
    Task<IReadOnlyList<ReceivedDocument>> UnpublishedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Records that documents were handed to the cluster (published on their streams): the replay leaves them.</summary>
    Task MarkPublishedAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken = default);
}

/// <summary>The intake in PostgreSQL (bio.market_document, bio.market_document_unpublished and bio.rejected_document).</summary>
public sealed class MarketDocumentStore(NpgsqlDataSource dataSource) : IMarketDocumentStore
{
    /// <summary>Stores <paramref name="document"/> unless its mRID is known; tells a duplicate from a reused id.</summary>
    public async Task<StoreOutcome> StoreAsync(ReceivedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hash = SHA256.HashData(document.Body.Span);
        await using var command = dataSource.CreateCommand("""
            with inserted as (
                insert into bio.market_document (document_id, document_type, content_type, body, sha256, received_at)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (document_id) do nothing
                returning true as stored, sha256, document_id, received_at
            ),
            listed as (
                insert into bio.market_document_unpublished (document_id, received_at) select document_id, received_at from inserted
            )
            select stored, sha256 from inserted
            union all
            select false, sha256 from bio.market_document where document_id = $1 and not exists (select 1 from inserted)
            """);
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = document.DocumentId });
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = document.DocumentType });
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = document.ContentType });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Bytes(document.Body) });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = hash });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = document.ReceivedAt.ToDateTimeOffset() });
        byte[] storedHash;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(0))
                {
                    return StoreOutcome.Stored;
                }

                storedHash = reader.GetFieldValue<byte[]>(1);
            }
            else
            {
                // Stored concurrently by another request, committed after this statement's snapshot: look again.
                storedHash = await StoredHashAsync(document.DocumentId, cancellationToken);
            }
        }

        return hash.AsSpan().SequenceEqual(storedHash) ? StoreOutcome.Duplicate : StoreOutcome.IdReused;
    }

    /// <summary>
    /// Stores many documents in one statement and one commit (group commit), outcomes in the order given: what
    /// concurrent requests would otherwise pay one round trip and one WAL flush each for.
    /// </summary>
    public async Task<IReadOnlyList<StoreOutcome>> StoreManyAsync(IReadOnlyList<ReceivedDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var hashes = documents.Select(d => SHA256.HashData(d.Body.Span)).ToArray();
        // The first of each mRID goes to the database; later ones in the same call are judged against it.
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            first.TryAdd(documents[i].DocumentId, i);
        }

        var sent = first.Values.ToArray();
        var stored = new Dictionary<string, byte[]?>(StringComparer.Ordinal); // null: stored now; else the hash stored before
        if (sent.Length > 0)
        {
            await using var command = dataSource.CreateCommand("""
                with incoming as (
                    select * from unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::bytea[], $6::timestamptz[])
                        as t (document_id, document_type, content_type, body, sha256, received_at)
                ),
                inserted as (
                    insert into bio.market_document (document_id, document_type, content_type, body, sha256, received_at)
                    select document_id, document_type, content_type, body, sha256, received_at from incoming
                    on conflict (document_id) do nothing
                    returning document_id, received_at
                ),
                listed as (
                    insert into bio.market_document_unpublished (document_id, received_at) select document_id, received_at from inserted
                )
                select document_id, null::bytea from inserted
                union all
                select document_id, sha256 from bio.market_document where document_id = any($1)
                """);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sent.Select(i => documents[i].DocumentId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sent.Select(i => documents[i].DocumentType).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sent.Select(i => documents[i].ContentType).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = sent.Select(i => Bytes(documents[i].Body)).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = sent.Select(i => hashes[i]).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = sent.Select(i => documents[i].ReceivedAt.ToDateTimeUtc()).ToArray() });
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                // Both parts see the table as it was before the statement, so their rows never name the same mRID.
                while (await reader.ReadAsync(cancellationToken))
                {
                    stored[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
                }
            }

            foreach (var i in sent.Where(i => !stored.ContainsKey(documents[i].DocumentId)))
            {
                // Stored concurrently by another transaction, committed after this statement's snapshot: look again.
                stored[documents[i].DocumentId] = await StoredHashAsync(documents[i].DocumentId, cancellationToken);
            }
        }

        var outcomes = new StoreOutcome[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            var earlier = first[documents[i].DocumentId];
            var before = stored[documents[i].DocumentId];
            outcomes[i] = before is null && i == earlier ? StoreOutcome.Stored
                : hashes[i].AsSpan().SequenceEqual(before ?? hashes[earlier]) ? StoreOutcome.Duplicate
                : StoreOutcome.IdReused;
        }

        return outcomes;
    }

    private async Task<byte[]> StoredHashAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select sha256 from bio.market_document where document_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = documentId });
        return (byte[]?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Document {documentId} was neither stored nor found.");
    }

    /// <summary>Puts a refused document in the dead-letter store; returns its id there.</summary>
    public async Task<long> RejectAsync(string? documentId, string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<string> reasons, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        if (reasons is not { Count: > 0 })
        {
            throw new ArgumentException("A rejected document needs at least one reason.", nameof(reasons));
        }

        await using var command = dataSource.CreateCommand("""
            insert into bio.rejected_document (document_id, content_type, body, reasons, received_at)
            values ($1, $2, $3, $4, $5) returning id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)documentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentType });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Bytes(body) });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = reasons.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = receivedAt.ToDateTimeOffset() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Refused documents, newest first, a page at a time (ids below <paramref name="before"/> when given).</summary>
    public async Task<IReadOnlyList<RejectedDocument>> ListRejectedAsync(int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("""
            select id, document_id, content_type, body, reasons, received_at from bio.rejected_document
            where $1::bigint is null or id < $1 order by id desc limit $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var rejected = new List<RejectedDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rejected.Add(new RejectedDocument(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<string[]>(4),
                Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(5))));
        }

        return rejected;
    }

    /// <summary>Stored documents not yet handed to the cluster, oldest first: what to publish (again).</summary>
    public async Task<IReadOnlyList<ReceivedDocument>> UnpublishedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("""
            select d.document_id, d.document_type, d.content_type, d.body, d.received_at
            from bio.market_document_unpublished u join bio.market_document d on d.document_id = u.document_id
            order by u.received_at, u.document_id limit $1
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var documents = new List<ReceivedDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new ReceivedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(4))));
        }

        return documents;
    }

    // The body's own array when it is exactly the body (as the intake reads them), else a copy: a body is kilobytes.
    private static byte[] Bytes(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : body.ToArray();

    public async Task MarkPublishedAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from bio.market_document_unpublished where document_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = documentIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
