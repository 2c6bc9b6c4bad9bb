using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>The outbox in PostgreSQL (bio.outbox_message); claims use FOR UPDATE SKIP LOCKED plus a lease.</summary>
public sealed class PostgresOutbox(NpgsqlDataSource dataSource, OutboxPolicy policy) : IOutbox
{
    public async Task<bool> EnqueueAsync(OutgoingMessage message, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await OutboxSql.EnqueueAsync(connection, message, now, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(string kind, Instant now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        // Rows another claimer holds are skipped; a row claimed and committed meanwhile is re-checked against the
        // new next_attempt_at (the lease) and so drops out.
        await using var command = dataSource.CreateCommand($"""
            with due as (
                select id from bio.outbox_message
                where state = 'waiting' and kind = $1 and next_attempt_at <= $2
                order by next_attempt_at, id
                limit $3
                for update skip locked
            )
            update bio.outbox_message m set next_attempt_at = $4
            from due where m.id = due.id
            returning {Prefixed("m.")}
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToDateTimeOffset() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = (now + policy.ClaimLease).ToDateTimeOffset() });
        var claimed = await OutboxSql.ReadAllAsync(command, cancellationToken);
        return claimed.OrderBy(m => m.Id).ToList();
    }

    public async Task<bool> MarkSentAsync(long id, Instant now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            update bio.outbox_message set state = 'sent', attempts = attempts + 1, sent_at = $2
            where id = $1 and state = 'waiting'
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToDateTimeOffset() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> MarkFailedAttemptAsync(long id, string error, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int attemptsBefore;
        await using (var read = new NpgsqlCommand("select attempts from bio.outbox_message where id = $1 and state = 'waiting' for update", connection))
        {
            read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            if (await read.ExecuteScalarAsync(cancellationToken) is not int attempts)
            {
                return false;
            }

            attemptsBefore = attempts;
        }

        var (attemptsAfter, state, next) = policy.AfterFailedAttempt(attemptsBefore, now);
        await using (var update = new NpgsqlCommand("""
            update bio.outbox_message set attempts = $2, state = $3, next_attempt_at = $4, last_error = $5 where id = $1
            """, connection))
        {
            update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attemptsAfter });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxSql.ToCode(state) });
            update.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = next.ToDateTimeOffset() });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RecordAnswerAsync(string key, bool accepted, string? reason, Instant now, CancellationToken cancellationToken = default)
    {
        OutboxAnswers.Validate(key, accepted, reason);
        await using var command = dataSource.CreateCommand("""
            update bio.outbox_message set state = $2, reject_reason = $3, answered_at = $4
            where dedupe_key = $1 and state in ('waiting', 'sent')
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxSql.ToCode(accepted ? OutboxState.Answered : OutboxState.Rejected) });
        command.Parameters.Add(new NpgsqlParameter { Value = accepted ? DBNull.Value : (object)reason!, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToDateTimeOffset() });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state, string? kind, int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand($"""
            select {OutboxSql.Columns} from bio.outbox_message
            where ($1::text is null or state = $1) and ($2::text is null or kind = $2) and ($3::bigint is null or id < $3)
            order by id desc limit $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = state is { } s ? OutboxSql.ToCode(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await OutboxSql.ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var command = dataSource.CreateCommand($"select {OutboxSql.Columns} from bio.outbox_message where dedupe_key = $1 order by id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await OutboxSql.ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ByKeyPrefixAsync(string kind, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        // The keys from the prefix up to (not including) the prefix with its last character one higher: a range the
        // (kind, dedupe_key text_pattern_ops) index serves also in a prepared statement's generic plan, where a LIKE
        // with a parameter would not. The LIKE keeps the answer exact. (Keys are ASCII.)
        await using var command = dataSource.CreateCommand($"""
            select {OutboxSql.Columns} from bio.outbox_message
            where kind = $1 and dedupe_key ~>=~ $2 and dedupe_key ~<~ $3 and dedupe_key like $4
            order by id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix[..^1] + (char)(prefix[^1] + 1) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LikePrefix(prefix) });
        return await OutboxSql.ReadAllAsync(command, cancellationToken);
    }

    // The prefix as a LIKE pattern (default escape character \): its own %, _ and \ taken literally.
    private static string LikePrefix(string prefix) =>
        prefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private static string Prefixed(string alias) =>
        string.Join(", ", OutboxSql.Columns.Split(", ").Select(c => alias + c));
}
