using System.Data.Common;
using Npgsql;
using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>The SQL of bio.outbox_message shared by <see cref="PostgresOutbox"/> and stores that enqueue in their own transaction.</summary>
internal static class OutboxSql
{
    public const string Columns =
        "id, kind, dedupe_key, payload, content_type, created_at, attempts, next_attempt_at, state, reject_reason, last_error, sent_at, answered_at";

    /// <summary>Inserts unless a message with the key is pending; on <paramref name="connection"/>, in its transaction if one is open.</summary>
    public static async Task<bool> EnqueueAsync(NpgsqlConnection connection, OutgoingMessage message, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        await using var command = new NpgsqlCommand("""
            insert into bio.outbox_message (kind, dedupe_key, payload, content_type, created_at, next_attempt_at, state)
            values ($1, $2, $3, $4, $5, $5, 'waiting')
            on conflict (dedupe_key) where state in ('waiting', 'sent') do nothing
            returning id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Payload });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.ContentType });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToDateTimeOffset() });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static OutboxMessage Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        InstantAt(reader, 5),
        reader.GetInt32(6),
        InstantAt(reader, 7),
        FromCode(reader.GetString(8)),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : InstantAt(reader, 11),
        reader.IsDBNull(12) ? null : InstantAt(reader, 12));

    public static async Task<List<OutboxMessage>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader));
        }

        return messages;
    }

    public static string ToCode(OutboxState state) => state switch
    {
        OutboxState.Waiting => "waiting",
        OutboxState.Sent => "sent",
        OutboxState.Answered => "answered",
        OutboxState.Rejected => "rejected",
        OutboxState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown outbox state."),
    };

    public static OutboxState FromCode(string code) => code switch
    {
        "waiting" => OutboxState.Waiting,
        "sent" => OutboxState.Sent,
        "answered" => OutboxState.Answered,
        "rejected" => OutboxState.Rejected,
        "failed" => OutboxState.Failed,
        _ => throw new InvalidOperationException($"Unknown outbox state '{code}' in the database."),
    };

    private static Instant InstantAt(DbDataReader reader, int ordinal) =>
        Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(ordinal));
}
