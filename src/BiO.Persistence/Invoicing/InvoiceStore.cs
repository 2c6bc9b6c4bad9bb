using System.Data.Common;
using BiO.Persistence.Outbox;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Invoices in PostgreSQL (bio.invoice_series, bio.invoice, bio.invoice_line, bio.invoice_vat). One transaction takes
/// the series' next number (counter row locked by UPDATE ... RETURNING), inserts the invoice with its lines and VAT
/// rows and enqueues the outbox message; anything failing rolls the number back with the rest, so there are no gaps.
/// </summary>
public sealed class InvoiceStore(NpgsqlDataSource dataSource) : IInvoiceStore
{
    private const string SummaryColumns =
        "id, series, number, account_id, period_first, period_last, issued_at, bill_run_id, total_excluding_vat, total_vat, total, kind, refers_to";

    public async Task<IssueOutcome> IssueAsync(InvoiceToIssue invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.Validate();
        if (await FindExistingAsync(invoice, cancellationToken) is { } known)
        {
            return new IssueOutcome(known, Created: false);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var number = await NextNumberAsync(connection, invoice.Series, cancellationToken);
            var id = await InsertInvoiceAsync(connection, invoice, number, cancellationToken);
            if (id is { } invoiceId)
            {
                var issued = IssuedInvoice.From(invoice, number);
                await InsertLinesAndVatAsync(connection, invoiceId, invoice, cancellationToken);
                await OutboxSql.EnqueueAsync(connection, InvoiceIssuedMessage.For(issued), invoice.IssuedAt, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new IssueOutcome(issued, Created: true);
            }

            // Another issuer committed an invoice for this account and period meanwhile: give the number back.
            await transaction.RollbackAsync(cancellationToken);
        }

        var existing = await FindExistingAsync(invoice, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice of account {invoice.AccountId} for {invoice.Period} was neither issued nor found.");
        return new IssueOutcome(existing, Created: false);
    }

    // An invoice exists once per account and period; a credit note once per request.
    private Task<IssuedInvoice?> FindExistingAsync(InvoiceToIssue invoice, CancellationToken cancellationToken) =>
        invoice.Kind == InvoiceKinds.Invoice
            ? FindAsync(invoice.AccountId, invoice.Period, cancellationToken)
            : ReadOneAsync("request_id = $1", cancellationToken, () => [new NpgsqlParameter<string> { TypedValue = invoice.RequestId! }]);

    private static async Task<long> NextNumberAsync(NpgsqlConnection connection, string series, CancellationToken cancellationToken)
    {
        // The row lock taken here is held until commit or rollback: issuers of one series queue behind it.
        await using var command = new NpgsqlCommand("""
            insert into bio.invoice_series (series, last_number) values ($1, 1)
            on conflict (series) do update set last_number = bio.invoice_series.last_number + 1
            returning last_number
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long?> InsertInvoiceAsync(NpgsqlConnection connection, InvoiceToIssue invoice, long number, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into bio.invoice (series, number, account_id, period_first, period_last, issued_at, bill_run_id,
                                     total_excluding_vat, total_vat, total, settlement_basis, kind, refers_to, request_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            on conflict do nothing
            returning id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoice.Series });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = number });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoice.AccountId });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = invoice.Period.Start.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = invoice.Period.End.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = invoice.IssuedAt.ToDateTimeOffset() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoice.BillRunId });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = invoice.TotalExcludingVat });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = invoice.TotalVat });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = invoice.Total });
        command.Parameters.Add(new NpgsqlParameter { Value = invoice.SettlementBasis, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoice.Kind });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = invoice.RefersTo });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = invoice.RequestId });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static async Task InsertLinesAndVatAsync(NpgsqlConnection connection, long invoiceId, InvoiceToIssue invoice, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var lines = new NpgsqlBatchCommand("""
            insert into bio.invoice_line (invoice_id, line_number, metering_point, contract_id, element_id, description, kind,
                                          quantity, unit_price, amount, vat_code, vat_percent,
                                          corrects_first, corrects_last, reason, grid_area, data_version, price_version)
            select $1, n, mp, contract, element, description, kind, quantity, unit_price, amount, vat_code, vat_percent,
                   corrects_first, corrects_last, reason, grid_area, data_version, price_version
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[], $10::text[], $11::numeric[],
                        $12::date[], $13::date[], $14::text[], $15::text[], $16::timestamptz[], $17::timestamptz[])
                 with ordinality as l(mp, contract, element, description, kind, quantity, unit_price, amount, vat_code, vat_percent,
                                      corrects_first, corrects_last, reason, grid_area, data_version, price_version, n)
            """);
        var rows = invoice.Lines;
        lines.Parameters.Add(new NpgsqlParameter<long> { TypedValue = invoiceId });
        lines.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(l => l.MeteringPoint).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(l => l.ContractId).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(l => l.ElementId).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(l => l.Description).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(l => l.Kind).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = rows.Select(l => l.Quantity).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<decimal?[]> { TypedValue = rows.Select(l => l.UnitPrice).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = rows.Select(l => l.Amount).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(l => l.VatCode).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = rows.Select(l => l.VatPercent).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<DateOnly?[]> { TypedValue = rows.Select(l => l.Corrects?.Start.ToDateOnly()).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<DateOnly?[]> { TypedValue = rows.Select(l => l.Corrects?.End.ToDateOnly()).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(l => l.Reason).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(l => l.GridArea).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = rows.Select(l => l.DataVersion?.ToDateTimeOffset()).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = rows.Select(l => l.PriceVersion?.ToDateTimeOffset()).ToArray() });
        batch.BatchCommands.Add(lines);

        var vat = new NpgsqlBatchCommand("""
            insert into bio.invoice_vat (invoice_id, position, vat_code, vat_percent, taxable, vat)
            select $1, n, vat_code, vat_percent, taxable, vat
            from unnest($2::text[], $3::numeric[], $4::numeric[], $5::numeric[]) with ordinality as v(vat_code, vat_percent, taxable, vat, n)
            """);
        vat.Parameters.Add(new NpgsqlParameter<long> { TypedValue = invoiceId });
        vat.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = invoice.Vat.Select(v => v.VatCode).ToArray() });
        vat.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoice.Vat.Select(v => v.VatPercent).ToArray() });
        vat.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoice.Vat.Select(v => v.Taxable).ToArray() });
        vat.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoice.Vat.Select(v => v.Vat).ToArray() });
        batch.BatchCommands.Add(vat);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

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
        return ReadOneAsync("account_id = $1 and period_first = $2 and period_last = $3", cancellationToken, () =>
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
