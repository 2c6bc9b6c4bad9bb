using BiO.Persistence.Migrations;
using Npgsql;

namespace BiO.Integration.Tests;

/// <summary>A database as it was before a migration, to store rows the old way and migrate them.</summary>
internal static class SchemaMigrations
{
    /// <summary>Creates <paramref name="database"/> with the embedded migrations below <paramref name="version"/> applied.</summary>
    public static async Task<NpgsqlDataSource> BeforeAsync(string database, int version)
    {
        await SchemaMigrator.EnsureDatabaseAsync(database);
        var dataSource = NpgsqlDataSource.Create(database);
        foreach (var migration in Migration.Embedded().Where(m => m.Version < version))
        {
            await RunAsync(dataSource, migration);
        }

        return dataSource;
    }

    /// <summary>Applies the embedded migration <paramref name="version"/>.</summary>
    public static Task ApplyAsync(NpgsqlDataSource dataSource, int version) =>
        RunAsync(dataSource, Migration.Embedded().Single(m => m.Version == version));

    private static async Task RunAsync(NpgsqlDataSource dataSource, Migration migration)
    {
        await using var command = dataSource.CreateCommand(migration.Sql);
        await command.ExecuteNonQueryAsync();
    }
}
