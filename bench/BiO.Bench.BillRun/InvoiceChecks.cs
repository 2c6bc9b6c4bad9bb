using BiO.Domain.Time;
using Npgsql;

namespace BiO.Bench.BillRun;

/// <summary>What a finished bill run must have left in the invoice store: one invoice per account, numbers without gaps.</summary>
public sealed class InvoiceChecks(NpgsqlDataSource dataSource)
{
    /// <summary>Every problem found, each said once; empty when the run is right.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<(string AccountId, string Series)> accounts, BillingPeriod period, string billRunId)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(period);
        var problems = new List<string>();
        var invoiced = new Dictionary<string, (string Series, int Count)>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("""
            select account_id, min(series), count(*) from bio.invoice where period_first = $1 and period_last = $2 group by account_id
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.Dates.Start.ToDateOnly() });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.Dates.End.ToDateOnly() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                invoiced[reader.GetString(0)] = (reader.GetString(1), (int)reader.GetInt64(2));
            }
        }

        foreach (var (accountId, series) in accounts)
        {
            if (!invoiced.TryGetValue(accountId, out var found))
            {
                problems.Add($"account {accountId} has no invoice");
            }
            else if (found.Count != 1 || found.Series != series)
            {
                problems.Add($"account {accountId} has {found.Count} invoice(s) in series {found.Series}, expected 1 in {series}");
            }
        }

        problems.AddRange(invoiced.Keys.Except(accounts.Select(a => a.AccountId), StringComparer.Ordinal).Select(a => $"invoice for unknown account {a}"));
        await using (var command = dataSource.CreateCommand("""
            select series, count(*), count(distinct number), min(number), max(number),
                   (select last_number from bio.invoice_series s where s.series = i.series), count(*) filter (where bill_run_id <> $1)
            from bio.invoice i group by series order by series
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = billRunId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (series, count, distinct, min, max, last, other) =
                    (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
                if (count != distinct || min != 1 || max != count || last != count || other != 0)
                {
                    problems.Add($"series {series}: {count} invoices, {distinct} distinct numbers {min}..{max}, counter at {last}, {other} of another run");
                }
            }
        }

        return problems;
    }

    /// <summary>The size of the bill run grain's persisted state (what each of its state writes sends).</summary>
    public async Task<long> BillRunStateBytesAsync()
    {
        await using var command = dataSource.CreateCommand("select coalesce(max(length(payloadbinary)), 0) from orleans_storage where graintypestring ilike '%billrun%'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
