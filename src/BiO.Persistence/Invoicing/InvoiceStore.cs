using System.Data.Common;
using Npgsql;
using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Invoices in PostgreSQL (bio.invoice_series, bio.invoice, bio.invoice_line, bio.invoice_vat). Issuing is group
/// committed per series (<see cref="IssueGroupCommit"/>): concurrent issuers of a series are written together, one
/// transaction taking k numbers of the counter row at once (locked until commit) with the invoices, their lines and
/// VAT rows and outbox messages (<see cref="InvoiceBatchSql"/>); anything failing rolls the numbers back with the rest,
/// so there are no gaps. A group that fails is issued again one invoice at a time, so only the failing invoice's
/// caller gets the error.
/// </summary>
public sealed class InvoiceStore : IInvoiceStore
{
    private const string SummaryColumns =
        "id, series, number, account_id, period_first, period_last, issued_at, bill_run_id, total_excluding_vat, total_vat, total, kind, refers_to";

    /// <summary>How often a group is written again when another issuer got in between (it then sees that one).</summary>
    private const int MaxAttempts = 5;

    private readonly NpgsqlDataSource dataSource;
    private readonly IssueGroupCommit groupCommit;

    public InvoiceStore(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        groupCommit = new IssueGroupCommit(IssueGroupAsync);
    }

    public async Task<IssueOutcome> IssueAsync(InvoiceToIssue invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.Validate();
        return await groupCommit.IssueAsync(invoice, cancellationToken);
    }

    private async Task IssueGroupAsync(string series, IReadOnlyList<IssueGroupCommit.Pending> group)
    {
        IReadOnlyList<IssueOutcome> outcomes;
        try
        {
            outcomes = await IssueAllAsync(series, group.Select(p => p.Invoice).ToList());
        }
        catch (Exception) when (group.Count > 1)
        {
            // One invoice may be what failed (a constraint, a trigger): issue each alone, so only its caller fails.
            foreach (var pending in group)
            {
                try
                {
                    pending.Complete((await IssueAllAsync(series, [pending.Invoice]))[0]);
                }
                catch (Exception ex)
                {
                    pending.Fail(ex);
                }
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Complete(outcomes[i]);
        }
    }

    /// <summary>Issues <paramref name="invoices"/> in one transaction; those that existed are read back (Created false).</summary>
    private async Task<IReadOnlyList<IssueOutcome>> IssueAllAsync(string series, IReadOnlyList<InvoiceToIssue> invoices)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var written = await InvoiceBatchSql.IssueAsync(dataSource, series, invoices, CancellationToken.None);
            if (written.Raced)
            {
                continue;
            }

            var outcomes = new IssueOutcome[invoices.Count];
            for (var i = 0; i < invoices.Count; i++)
            {
                var invoice = invoices[i];
                outcomes[i] = written.Issued[i] is { } issued
                    ? new IssueOutcome(issued, Created: true)
                    : new IssueOutcome(
                        await FindExistingAsync(invoice, CancellationToken.None)
                            ?? throw new InvalidOperationException($"Invoice of account {invoice.AccountId} for {invoice.Period} was neither issued nor found."),
                        Created: false);
            }

            return outcomes;
        }

        throw new InvalidOperationException($"Issuing {invoices.Count} invoice(s) of series {series} met a concurrent issuer {MaxAttempts} times in a row.");
    }

    // An invoice exists once per account and period; a credit note once per request.
    private Task<IssuedInvoice?> FindExistingAsync(InvoiceToIssue invoice, CancellationToken cancellationToken) =>
        invoice.Kind == InvoiceKinds.Invoice
            ? FindAsync(invoice.AccountId, invoice.Period, cancellationToken)
            : ReadOneAsync("request_id = $1", cancellationToken, () => [new NpgsqlParameter<string> { TypedValue = invoice.RequestId! }]);

    public async Task<IReadOnlyList<InvoiceSummary>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        await using var command = dataSource.CreateCommand($"""
            select {SummaryColumns} from bio.invoice where account_id = $1 order by period_first, series collate "C", number
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = accountId });
        var invoices = new List<InvoiceSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invoices.Add(ReadSummary(reader));
        }

        return invoices;
    }

    public Task<IssuedInvoice?> GetAsync(string series, long number, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        return ReadOneAsync("series = $1 and number = $2", cancellationToken, () =>
            [new NpgsqlParameter<string> { TypedValue = series }, new NpgsqlParameter<long> { TypedValue = number }]);
    }

    public Task<IssuedInvoice?> FindAsync(string accountId, DateInterval period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(period);
        return ReadOneAsync("kind = 'invoice' and account_id = $1 and period_first = $2 and period_last = $3", cancellationToken, () =>
        [
            new NpgsqlParameter<string> { TypedValue = accountId },
            new NpgsqlParameter<DateOnly> { TypedValue = period.Start.ToDateOnly() },
            new NpgsqlParameter<DateOnly> { TypedValue = period.End.ToDateOnly() },
        ]);
    }

    /// <summary>The invoice matching <paramref name="where"/> with its lines and VAT rows, read in one snapshot.</summary>
    private async Task<IssuedInvoice?> ReadOneAsync(string where, CancellationToken cancellationToken, Func<NpgsqlParameter[]> parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var header = new NpgsqlBatchCommand($"select {SummaryColumns}, settlement_basis::text from bio.invoice where {where}");
        header.Parameters.AddRange(parameters());
        batch.BatchCommands.Add(header);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select metering_point, contract_id, element_id, description, kind, quantity, unit_price, amount, vat_code, vat_percent,
                   corrects_first, corrects_last, reason, grid_area, data_version, price_version
            from bio.invoice_line where invoice_id = (select id from bio.invoice where {where}) order by line_number
            """));
        batch.BatchCommands[1].Parameters.AddRange(parameters());
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select vat_code, vat_percent, taxable, vat
            from bio.invoice_vat where invoice_id = (select id from bio.invoice where {where}) order by position
            """));
        batch.BatchCommands[2].Parameters.AddRange(parameters());

        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var summary = ReadSummary(reader);
        var basis = reader.GetString(13);
        await reader.NextResultAsync(cancellationToken);
        var lines = new List<InvoiceLineRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new InvoiceLineRow(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetDecimal(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                reader.GetDecimal(7),
                reader.GetString(8),
                reader.GetDecimal(9),
                reader.IsDBNull(10) ? null : new DateInterval(ReadDate(reader, 10), ReadDate(reader, 11)),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                ReadInstant(reader, 14),
                ReadInstant(reader, 15)));
        }

        await reader.NextResultAsync(cancellationToken);
        var vat = new List<InvoiceVatRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            vat.Add(new InvoiceVatRow(reader.GetString(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3)));
        }

        return new IssuedInvoice(
            summary.Series, summary.Number, summary.AccountId, summary.Period, summary.IssuedAt, summary.BillRunId,
            summary.TotalExcludingVat, summary.TotalVat, summary.Total, lines, vat, basis, summary.Kind, summary.RefersTo);
    }

    public Task<IssuedInvoice?> FindNoteAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return ReadOneAsync("request_id = $1", cancellationToken, () => [new NpgsqlParameter<string> { TypedValue = requestId }]);
    }

    public async Task<IReadOnlyList<InvoicedElementRow>> LedgerAsync(string meteringPoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meteringPoint);
        await using var command = dataSource.CreateCommand("""
            select i.account_id, coalesce(l.corrects_first, i.period_first), coalesce(l.corrects_last, i.period_last), l.contract_id,
                   l.element_id, min(l.description), min(l.kind), l.vat_code, l.vat_percent, sum(l.amount), sum(l.quantity),
                   max(l.data_version), max(l.price_version)
            from bio.invoice_line l join bio.invoice i on i.id = l.invoice_id
            where l.metering_point = $1
            group by 1, 2, 3, 4, 5, 8, 9
            order by 1, 2, 4, 5
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = meteringPoint });
        var rows = new List<InvoicedElementRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new InvoicedElementRow(
                reader.GetString(0),
                new DateInterval(ReadDate(reader, 1), ReadDate(reader, 2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                meteringPoint,
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetDecimal(8),
                reader.GetDecimal(9),
                reader.GetDecimal(10),
                ReadInstant(reader, 11),
                ReadInstant(reader, 12)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> PointsInvoicedWithAsync(string elementIdPrefix, DateInterval days, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementIdPrefix);
        ArgumentNullException.ThrowIfNull(days);
        await using var command = dataSource.CreateCommand("""
            select distinct l.metering_point
            from bio.invoice_line l join bio.invoice i on i.id = l.invoice_id
            where l.metering_point is not null and l.element_id like $1
              and coalesce(l.corrects_first, i.period_first) <= $3 and coalesce(l.corrects_last, i.period_last) >= $2
            order by 1
            """);
        var escaped = elementIdPrefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = escaped + "%" });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = days.Start.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = days.End.ToDateOnly() });
        var points = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(reader.GetString(0));
        }

        return points;
    }

    private static LocalDate ReadDate(DbDataReader reader, int ordinal) => LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));

    private static Instant? ReadInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(ordinal));

    private static InvoiceSummary ReadSummary(DbDataReader reader) => new(
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        new DateInterval(ReadDate(reader, 4), ReadDate(reader, 5)),
        Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(6)),
        reader.GetString(7),
        reader.GetDecimal(8),
        reader.GetDecimal(9),
        reader.GetDecimal(10),
        reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12));

    public async Task<IReadOnlyList<ChargeTotalRow>> ChargeTotalsAsync(DateInterval period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var command = dataSource.CreateCommand("""
            select coalesce(l.corrects_first, i.period_first), coalesce(l.corrects_last, i.period_last), l.grid_area, l.element_id,
                   sum(l.amount), sum(l.quantity), array_agg(distinct l.metering_point)
            from bio.invoice_line l join bio.invoice i on i.id = l.invoice_id
            where l.grid_area is not null and l.metering_point is not null and l.element_id like any ($3)
              and coalesce(l.corrects_first, i.period_first) >= $1 and coalesce(l.corrects_last, i.period_last) <= $2
            group by 1, 2, 3, 4
            """);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.Start.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.End.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ChargeTotals.LikePatterns });
        var sums = new List<ChargeTotals.ElementSum>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sums.Add(new ChargeTotals.ElementSum(
                new DateInterval(ReadDate(reader, 0), ReadDate(reader, 1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetDecimal(4),
                reader.GetDecimal(5),
                reader.GetFieldValue<string[]>(6)));
        }

        return ChargeTotals.Fold(sums);
    }
}
