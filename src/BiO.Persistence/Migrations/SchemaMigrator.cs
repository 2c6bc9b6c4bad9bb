using Microsoft.Extensions.Logging;
using Npgsql;

namespace BiO.Persistence.Migrations;

/// <summary>What a migration run did.</summary>
/// <param name="Applied">The versions applied by this run, in order.</param>
/// <param name="AlreadyApplied">How many were found applied before.</param>
public sealed record MigrationReport(IReadOnlyList<int> Applied, int AlreadyApplied);

/// <summary>
/// Brings a PostgreSQL database to the schema of this build: applies each embedded migration not yet recorded
/// in bio.schema_migration, each in its own transaction, under an advisory lock so that silos starting together
/// migrate once. Idempotent: a second run applies nothing. An applied migration whose script changed is an error.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any fixed number: the advisory lock key that serialises migrators of one database.
    private const long LockKey = 0x42694F_5343484D; // "BiO" "SCHM"

    /// <summary>Applies what is missing.</summary>
    /// <exception cref="InvalidOperationException">An applied migration differs from the shipped one, or the database is newer than this build.</exception>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Migration.Embedded();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "select pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await ExecuteAsync(connection, """
                create schema if not exists bio;
                create table if not exists bio.schema_migration
                (
                    version    integer     primary key,
                    name       text        not null,
                    checksum   text        not null,
                    applied_at timestamptz not null default now()
                );
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            Verify(migrations, applied);

            var done = new List<int>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await ExecuteAsync(connection,
                    "insert into bio.schema_migration (version, name, checksum) values (@version, @name, @checksum)",
                    cancellationToken, ("version", migration.Version), ("name", migration.Name), ("checksum", migration.Checksum));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
                done.Add(migration.Version);
            }

            return new MigrationReport(done, applied.Count);
        }
        finally
        {
            await ExecuteAsync(connection, "select pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    /// <summary>Creates the database named in <paramref name="connectionString"/> when it does not exist yet.</summary>
    /// <returns>True when it was created.</returns>
    public static async Task<bool> EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no Database.");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return false;
            }
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"create database {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false; // created by someone else meanwhile
        }

        return true;
    }

    private static void Verify(IReadOnlyList<Migration> shipped, IReadOnlyDictionary<int, string> applied)
    {
        var byVersion = shipped.ToDictionary(m => m.Version);
        foreach (var (version, checksum) in applied)
        {
            if (!byVersion.TryGetValue(version, out var migration))
            {
                throw new InvalidOperationException(
                    $"The database has schema migration {version}, which this build does not know: it was migrated by a newer BiO.");
            }

            if (migration.Checksum != checksum)
            {
                throw new InvalidOperationException(
                    $"Schema migration {version} ({migration.Name}) was changed after it was applied (checksum {checksum} in the database, {migration.Checksum} shipped). Add a new migration instead of editing an applied one.");
            }
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("select version, checksum from bio.schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
