using Npgsql;

namespace BiO.Persistence.Invoicing;

/// <summary>
/// Issues a group of invoices of ONE series in one transaction (three round trips and one commit for the group):
/// <list type="number">
/// <item>lock the series' counter row (<c>select ... for update</c>) and, in the same round trip, find which of the
/// group exist already (an invoice by account and period, a credit note by request id): those take no number;</item>
/// <item>reserve k numbers for the k new ones (<c>last_number = last_number + k</c>), insert the k invoices numbered
/// last + 1 .. last + k with their lines and VAT rows (one statement of unnest and data-modifying CTEs) and their
/// outbox messages (one unnest);</item>
/// <item>commit.</item>
/// </list>
/// Numbers stay gapless because the group is all or nothing: if the counter moved or an insert met a conflict that was
/// not seen in step 1 (an issuer of another series or process committed the same account and period meanwhile), the
/// transaction is rolled back and the caller tries again, when step 1 sees it.
/// </summary>
internal static class InvoiceBatchSql
{
    /// <summary>What issuing a group did: per invoice (in the group's order) the issued invoice, or null when it existed.</summary>
    /// <param name="Raced">True when nothing was written because another issuer got in between; try again.</param>
    public sealed record GroupOutcome(IReadOnlyList<IssuedInvoice?> Issued, bool Raced);

    /// <summary>Issues <paramref name="group"/> (validated, one series, no two with the same account and period or request).</summary>
    public static async Task<GroupOutcome> IssueAsync(NpgsqlDataSource dataSource, string series, IReadOnlyList<InvoiceToIssue> group, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (lastNumber, existing) = await LockAndFindExistingAsync(connection, series, group, cancellationToken);
        var fresh = Enumerable.Range(0, group.Count).Where(i => !existing.Contains(i)).ToList();
        var issued = new IssuedInvoice?[group.Count];
        if (fresh.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new GroupOutcome(issued, Raced: false);
        }

        for (var k = 0; k < fresh.Count; k++)
        {
            issued[fresh[k]] = IssuedInvoice.From(group[fresh[k]], lastNumber + k + 1);
        }

        var toInsert = fresh.Select(i => issued[i]!).ToList();
        var (counter, inserted) = await InsertAsync(connection, series, lastNumber, toInsert, group, fresh, cancellationToken);
        if (counter != lastNumber + fresh.Count || inserted != fresh.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new GroupOutcome([], Raced: true);
        }

        await transaction.CommitAsync(cancellationToken);
        return new GroupOutcome(issued, Raced: false);
    }

    /// <summary>The series' last number (0 before its first invoice; the row is then not locked) and which of the group exist.</summary>
    private static async Task<(long LastNumber, HashSet<int> Existing)> LockAndFindExistingAsync(
        NpgsqlConnection connection, string series, IReadOnlyList<InvoiceToIssue> group, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var counter = new NpgsqlBatchCommand("select last_number from bio.invoice_series where series = $1 for update");
        counter.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series });
        batch.BatchCommands.Add(counter);

        var find = new NpgsqlBatchCommand("""
            select q.ord::int - 1
            from unnest($1::text[], $2::date[], $3::date[], $4::text[], $5::text[]) with ordinality as q(kind, period_first, period_last, account_id, request_id, ord)
            where (q.kind = 'invoice' and exists (select 1 from bio.invoice i where i.kind = 'invoice' and i.account_id = q.account_id
                                                  and i.period_first = q.period_first and i.period_last = q.period_last))
               or (q.request_id is not null and exists (select 1 from bio.invoice i where i.request_id = q.request_id))
            """);
        find.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = group.Select(i => i.Kind).ToArray() });
        find.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = group.Select(i => i.Period.Start.ToDateOnly()).ToArray() });
        find.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = group.Select(i => i.Period.End.ToDateOnly()).ToArray() });
        find.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = group.Select(i => i.AccountId).ToArray() });
        find.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = group.Select(i => i.RequestId).ToArray() });
        batch.BatchCommands.Add(find);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var lastNumber = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0L;
        await reader.NextResultAsync(cancellationToken);
        var existing = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(reader.GetInt32(0));
        }

        return (lastNumber, existing);
    }

    /// <summary>Takes the numbers and inserts; returns the counter after and how many invoices were inserted.</summary>
    private static async Task<(long Counter, int Inserted)> InsertAsync(
        NpgsqlConnection connection, string series, long lastNumber, IReadOnlyList<IssuedInvoice> invoices,
        IReadOnlyList<InvoiceToIssue> group, IReadOnlyList<int> fresh, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var counter = new NpgsqlBatchCommand("""
            insert into bio.invoice_series (series, last_number) values ($1, $2)
            on conflict (series) do update set last_number = bio.invoice_series.last_number + $2
            returning last_number
            """);
        counter.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series });
        counter.Parameters.Add(new NpgsqlParameter<long> { TypedValue = invoices.Count });
        batch.BatchCommands.Add(counter);
        batch.BatchCommands.Add(InvoicesWithLinesAndVat(series, lastNumber, invoices, fresh.Select(i => group[i].RequestId).ToList()));
        batch.BatchCommands.Add(OutboxMessages(invoices));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var after = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : -1L;
        await reader.NextResultAsync(cancellationToken);
        var inserted = await reader.ReadAsync(cancellationToken) ? reader.GetInt32(0) : 0;
        return (after, inserted);
    }

    // Invoice i of the group (1-based ordinality) takes number lastNumber + i; its lines and VAT rows name it by that
    // ordinality and join the rows this statement inserted, so a conflicting invoice gets no lines.
    private static NpgsqlBatchCommand InvoicesWithLinesAndVat(string series, long lastNumber, IReadOnlyList<IssuedInvoice> invoices, IReadOnlyList<string?> requestIds)
    {
        var command = new NpgsqlBatchCommand("""
            with invoice as (
                insert into bio.invoice (series, number, account_id, period_first, period_last, issued_at, bill_run_id,
                                         total_excluding_vat, total_vat, total, settlement_basis, kind, refers_to, request_id)
                select $1, $2 + ord, account_id, period_first, period_last, issued_at, bill_run_id,
                       total_excluding_vat, total_vat, total, settlement_basis::jsonb, kind, refers_to, request_id
                from unnest($3::text[], $4::date[], $5::date[], $6::timestamptz[], $7::text[], $8::numeric[], $9::numeric[], $10::numeric[],
                            $11::text[], $12::text[], $13::text[], $14::text[])
                     with ordinality as v(account_id, period_first, period_last, issued_at, bill_run_id, total_excluding_vat, total_vat, total,
                                          settlement_basis, kind, refers_to, request_id, ord)
                order by ord
                on conflict do nothing
                returning id, number
            ),
            line as (
                insert into bio.invoice_line (invoice_id, line_number, metering_point, contract_id, element_id, description, kind,
                                              quantity, unit_price, amount, vat_code, vat_percent,
                                              corrects_first, corrects_last, reason, grid_area, data_version, price_version)
                select invoice.id, l.line_number, l.mp, l.contract, l.element, l.description, l.kind, l.quantity, l.unit_price, l.amount,
                       l.vat_code, l.vat_percent, l.corrects_first, l.corrects_last, l.reason, l.grid_area, l.data_version, l.price_version
                from unnest($15::int[], $16::int[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::numeric[], $23::numeric[],
                            $24::numeric[], $25::text[], $26::numeric[], $27::date[], $28::date[], $29::text[], $30::text[], $31::timestamptz[], $32::timestamptz[])
                     as l(invoice_ord, line_number, mp, contract, element, description, kind, quantity, unit_price, amount, vat_code, vat_percent,
                          corrects_first, corrects_last, reason, grid_area, data_version, price_version)
                join invoice on invoice.number = $2 + l.invoice_ord
            ),
            vat as (
                insert into bio.invoice_vat (invoice_id, position, vat_code, vat_percent, taxable, vat)
                select invoice.id, v.position, v.vat_code, v.vat_percent, v.taxable, v.vat
                from unnest($33::int[], $34::int[], $35::text[], $36::numeric[], $37::numeric[], $38::numeric[])
                     as v(invoice_ord, position, vat_code, vat_percent, taxable, vat)
                join invoice on invoice.number = $2 + v.invoice_ord
            )
            select count(*)::int from invoice
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = series });
        p.Add(new NpgsqlParameter<long> { TypedValue = lastNumber });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = invoices.Select(i => i.AccountId).ToArray() });
        p.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = invoices.Select(i => i.Period.Start.ToDateOnly()).ToArray() });
        p.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = invoices.Select(i => i.Period.End.ToDateOnly()).ToArray() });
        p.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = invoices.Select(i => i.IssuedAt.ToDateTimeOffset()).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = invoices.Select(i => i.BillRunId).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoices.Select(i => i.TotalExcludingVat).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoices.Select(i => i.TotalVat).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = invoices.Select(i => i.Total).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = invoices.Select(i => i.SettlementBasis).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = invoices.Select(i => i.Kind).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = invoices.Select(i => i.RefersTo).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = requestIds.ToArray() });

        var lines = invoices.SelectMany((invoice, i) => invoice.Lines.Select((line, n) => (Invoice: i + 1, Number: n + 1, Row: line))).ToList();
        p.Add(new NpgsqlParameter<int[]> { TypedValue = lines.Select(l => l.Invoice).ToArray() });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = lines.Select(l => l.Number).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = lines.Select(l => l.Row.MeteringPoint).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = lines.Select(l => l.Row.ContractId).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = lines.Select(l => l.Row.ElementId).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = lines.Select(l => l.Row.Description).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = lines.Select(l => l.Row.Kind).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = lines.Select(l => l.Row.Quantity).ToArray() });
        p.Add(new NpgsqlParameter<decimal?[]> { TypedValue = lines.Select(l => l.Row.UnitPrice).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = lines.Select(l => l.Row.Amount).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = lines.Select(l => l.Row.VatCode).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = lines.Select(l => l.Row.VatPercent).ToArray() });
        p.Add(new NpgsqlParameter<DateOnly?[]> { TypedValue = lines.Select(l => l.Row.Corrects?.Start.ToDateOnly()).ToArray() });
        p.Add(new NpgsqlParameter<DateOnly?[]> { TypedValue = lines.Select(l => l.Row.Corrects?.End.ToDateOnly()).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = lines.Select(l => l.Row.Reason).ToArray() });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = lines.Select(l => l.Row.GridArea).ToArray() });
        p.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = lines.Select(l => l.Row.DataVersion?.ToDateTimeOffset()).ToArray() });
        p.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = lines.Select(l => l.Row.PriceVersion?.ToDateTimeOffset()).ToArray() });

        var vat = invoices.SelectMany((invoice, i) => invoice.Vat.Select((row, n) => (Invoice: i + 1, Position: n + 1, Row: row))).ToList();
        p.Add(new NpgsqlParameter<int[]> { TypedValue = vat.Select(v => v.Invoice).ToArray() });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = vat.Select(v => v.Position).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = vat.Select(v => v.Row.VatCode).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = vat.Select(v => v.Row.VatPercent).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = vat.Select(v => v.Row.Taxable).ToArray() });
        p.Add(new NpgsqlParameter<decimal[]> { TypedValue = vat.Select(v => v.Row.Vat).ToArray() });
        return command;
    }

    // Like OutboxSql.EnqueueAsync, for many: a message whose key is pending already is not added again.
    private static NpgsqlBatchCommand OutboxMessages(IReadOnlyList<IssuedInvoice> invoices)
    {
        var messages = invoices.Select(InvoiceIssuedMessage.For).ToList();
        foreach (var message in messages)
        {
            message.Validate();
        }

        var command = new NpgsqlBatchCommand("""
            insert into bio.outbox_message (kind, dedupe_key, payload, content_type, created_at, next_attempt_at, state)
            select kind, dedupe_key, payload, content_type, created_at, created_at, 'waiting'
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) as m(kind, dedupe_key, payload, content_type, created_at)
            on conflict (dedupe_key) where state in ('waiting', 'sent') do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Payload).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.ContentType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = invoices.Select(i => i.IssuedAt.ToDateTimeOffset()).ToArray() });
        return command;
    }
}
