using Npgsql;

namespace BiO.Bench.BillRun;

/// <summary>What the database did: transactions and, per table, rows inserted, updated and index scans (pg_stat views).</summary>
public sealed record TableActivity(long Commits, IReadOnlyDictionary<string, (long Inserted, long Updated, long IndexScans)> Tables)
{
    public static async Task<TableActivity> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using (var flush = dataSource.CreateCommand("select pg_stat_force_next_flush()"))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the other backends flush their counters within a second
        await using var command = dataSource.CreateCommand("""
            select (select xact_commit from pg_stat_database where datname = current_database()),
                   schemaname || '.' || relname, n_tup_ins, n_tup_upd, coalesce(idx_scan, 0)
            from pg_stat_user_tables
            """);
        var tables = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        long commits = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            commits = reader.GetInt64(0);
            tables[reader.GetString(1)] = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return new TableActivity(commits, tables);
    }

    /// <summary>The difference per item (e.g. per metering point-month), busy tables only.</summary>
    public string PerItem(TableActivity before, int count, string item)
    {
        var lines = Tables
            .Select(t => (Name: t.Key, Now: t.Value, Before: before.Tables.GetValueOrDefault(t.Key)))
            .Select(t => (t.Name, Inserted: t.Now.Inserted - t.Before.Inserted, Updated: t.Now.Updated - t.Before.Updated, Scans: t.Now.IndexScans - t.Before.IndexScans))
            .Where(t => t.Inserted + t.Updated + t.Scans > count / 10)
            .OrderByDescending(t => t.Inserted + t.Updated + t.Scans)
            .Select(t => FormattableString.Invariant($"{t.Name} {t.Inserted / (double)count:F2} inserted, {t.Updated / (double)count:F2} updated, {t.Scans / (double)count:F2} index scans"));
        return FormattableString.Invariant($"database per {item}: {(Commits - before.Commits) / (double)count:F2} commits; ") + string.Join("; ", lines);
    }
}
