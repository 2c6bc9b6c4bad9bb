using BiO.Hosting;
using Npgsql;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class MigrationTests(Services services)
{
    [Fact]
    public async Task The_migration_command_run_twice_leaves_the_schema_unchanged_the_second_time()
    {
        var database = services.NewDatabase("migrate");
        var overrides = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database };

        Assert.Equal(0, await BiOHost.MigrateAsync([], overrides));
        var first = await SchemaAsync(database);
        Assert.Equal(0, await BiOHost.MigrateAsync([], overrides));
        var second = await SchemaAsync(database);

        Assert.Contains("table public.orleans_membership", first, StringComparison.Ordinal);
        Assert.Contains("query CleanupDefunctSiloEntriesKey", first, StringComparison.Ordinal);
        Assert.Contains("migration 5 bio_core", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_is_refused()
    {
        var database = services.NewDatabase("edited");
        var overrides = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database };
        Assert.Equal(0, await BiOHost.MigrateAsync([], overrides));
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("update bio.schema_migration set checksum = 'edited' where version = 2", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BiOHost.MigrateAsync([], overrides));
        Assert.Contains("Schema migration 2", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Everything the migrations define, as sorted text (tables, columns, constraints, indexes, functions, queries, ledger).</summary>
    private static async Task<string> SchemaAsync(string connectionString)
    {
        const string sql = """
            select line from (
              select format('table %s.%s', table_schema, table_name) as line
                from information_schema.tables where table_schema in ('public', 'bio')
              union all
              select format('column %s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type, is_nullable, coalesce(column_default, ''))
                from information_schema.columns where table_schema in ('public', 'bio')
              union all
              select format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                from pg_constraint where connamespace in ('public'::regnamespace, 'bio'::regnamespace)
              union all
              select format('index %s', indexdef) from pg_indexes where schemaname in ('public', 'bio')
              union all
              select format('function %s', pg_get_functiondef(p.oid))
                from pg_proc p where p.pronamespace in ('public'::regnamespace, 'bio'::regnamespace)
              union all
              select format('query %s %s', querykey, md5(querytext)) from orleansquery
              union all
              select format('migration %s %s %s', version, name, checksum) from bio.schema_migration
            ) schema order by line
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
