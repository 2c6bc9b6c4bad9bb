using System.Diagnostics;
using BiO.Grains.Charges;
using BiO.Grains.Spot;
using Npgsql;
using NpgsqlTypes;

namespace BiO.Bench.BillRun;

/// <summary>One amount of the baseline or of an invoice: a metering point, a price element (spot, markup, subscription or a charge code), øre.</summary>
public readonly record struct ElementAmount(string Gsrn, string Element, decimal Amount);

/// <summary>
/// The set-based baseline: price tables of its own (schema <c>bench</c>: points with area and product, charge links,
/// tariff per hour, subscription per month, spot per quarter-hour, product markup and subscription) and one SQL
/// statement over the same <c>bio.meter_data_version</c> rows (points unpacked by <c>bio.meter_points</c>, inlined
/// by PostgreSQL) computing, per metering point and price element, what
/// the domain's invoice lines hold: spot and markup round(quantity x price, 6) per quarter-hour; hourly tariffs
/// round(hour sum x price, 6); subscriptions days x round(monthly / days in month, 6); each summed and rounded to øre
/// half away from zero (PostgreSQL's numeric round). One version per point-day (the bench sends no corrections).
/// </summary>
public sealed class SqlBaseline(NpgsqlDataSource dataSource, BenchMonth month)
{
    private const string Statement = """
        with quarter as (
            select v.gsrn,
                   v.start_at + (u.pos - 1) * interval '15 minutes' as t,
                   v.start_at + ((u.pos - 1) / 4) * interval '1 hour' as h,
                   u.qty
            from bio.meter_data_version v
            cross join lateral bio.meter_points(v.points) as u(pos, qty)
            where v.resolution = 'PT15M' and v.start_at >= $1 and v.end_at <= $2
        ), hourly as (
            select q.gsrn, q.h, sum(q.qty) as qty,
                   sum(round(q.qty * s.price, 6)) as spot,
                   sum(round(q.qty * pr.markup, 6)) as markup
            from quarter q
            join bench.point p on p.gsrn = q.gsrn
            join bench.product pr on pr.code = p.product
            join bench.spot_price s on s.area = p.price_area and s.start_at = q.t
            group by q.gsrn, q.h
        )
        select gsrn, 'spot' as element, round(sum(spot), 2) as amount from hourly group by gsrn
        union all
        select gsrn, 'markup', round(sum(markup), 2) from hourly group by gsrn
        union all
        select h.gsrn, l.charge, round(sum(round(h.qty * tp.price, 6)), 2)
        from hourly h
        join bench.charge_link l on l.gsrn = h.gsrn
        join bench.tariff_price tp on tp.charge = l.charge and tp.hour_start = h.h
        group by h.gsrn, l.charge
        union all
        select l.gsrn, l.charge, round($3 * round(s.monthly / $3, 6), 2)
        from bench.charge_link l join bench.subscription_price s on s.charge = l.charge
        union all
        select p.gsrn, 'subscription', round($3 * round(pr.monthly / $3, 6), 2)
        from bench.point p join bench.product pr on pr.code = p.product
        """;

    /// <summary>Creates and fills the baseline's price tables from the same data the grains were given.</summary>
    public async Task PrepareAsync(IReadOnlyList<SpotPricesReceived> spot)
    {
        await using (var create = dataSource.CreateCommand("""
            create schema if not exists bench;
            create table bench.point (gsrn text primary key, price_area text not null, grid_area text not null, product text not null);
            create table bench.charge_link (gsrn text not null, charge text not null, primary key (gsrn, charge));
            create table bench.tariff_price (charge text not null, hour_start timestamptz not null, price numeric not null, primary key (charge, hour_start));
            create table bench.subscription_price (charge text primary key, monthly numeric not null);
            create table bench.spot_price (area text not null, start_at timestamptz not null, price numeric not null, primary key (area, start_at));
            create table bench.product (code text primary key, markup numeric not null, monthly numeric not null);
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        var products = month.Demo.Customers().SelectMany(a => a.MeteringPoints).ToDictionary(p => p.MeteringPoint.Value, p => p.ProductCode, StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var points = await connection.BeginBinaryImportAsync("copy bench.point from stdin (format binary)"))
        {
            foreach (var point in month.Demo.Points())
            {
                await points.WriteRowAsync(default, point.Gsrn.Value, point.GridArea.PriceArea.ToString(), point.GridArea.Code, products[point.Gsrn.Value]);
            }

            await points.CompleteAsync();
        }

        await using (var links = await connection.BeginBinaryImportAsync("copy bench.charge_link from stdin (format binary)"))
        {
            foreach (var point in month.Demo.Points())
            {
                foreach (var charge in BiO.Demo.DemoCharges.For(month.Demo.Charges, point.GridArea.Code))
                {
                    await links.WriteRowAsync(default, point.Gsrn.Value, charge.Code);
                }
            }

            await links.CompleteAsync();
        }

        await using (var tariffs = await connection.BeginBinaryImportAsync("copy bench.tariff_price from stdin (format binary)"))
        {
            foreach (var (definition, prices) in month.Charges().Where(c => c.Definition.TypeCode == "D03"))
            {
                foreach (var price in prices.Prices)
                {
                    await tariffs.StartRowAsync();
                    await tariffs.WriteAsync(definition.Code, NpgsqlDbType.Text);
                    await tariffs.WriteAsync(price.From.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                    await tariffs.WriteAsync(price.Price, NpgsqlDbType.Numeric);
                }
            }

            await tariffs.CompleteAsync();
        }

        await using (var spots = await connection.BeginBinaryImportAsync("copy bench.spot_price from stdin (format binary)"))
        {
            foreach (var day in spot)
            {
                foreach (var price in day.Prices)
                {
                    await spots.StartRowAsync();
                    await spots.WriteAsync(day.PriceArea, NpgsqlDbType.Text);
                    await spots.WriteAsync(price.Start.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                    await spots.WriteAsync(price.Price, NpgsqlDbType.Numeric);
                }
            }

            await spots.CompleteAsync();
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var (definition, prices) in month.Charges().Where(c => c.Definition.TypeCode == "D01"))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into bench.subscription_price values ($1, $2)")
            {
                Parameters = { new NpgsqlParameter<string> { TypedValue = definition.Code }, new NpgsqlParameter<decimal> { TypedValue = prices.Prices[0].Price } },
            });
        }

        foreach (var product in BenchMonth.Products)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into bench.product values ($1, $2, $3)")
            {
                Parameters =
                {
                    new NpgsqlParameter<string> { TypedValue = product.Code },
                    new NpgsqlParameter<decimal> { TypedValue = product.Markup },
                    new NpgsqlParameter<decimal> { TypedValue = product.MonthlySubscription },
                },
            });
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("analyze"));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs the statement and reads every amount, with PostgreSQL's default work_mem (4 MB) or <paramref name="workMem"/>
    /// for this statement only; returns them and the wall time (statement and reading).
    /// </summary>
    public async Task<(IReadOnlyList<ElementAmount> Amounts, TimeSpan Elapsed)> RunAsync(string? workMem = null)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (workMem is not null)
        {
            await using var set = new NpgsqlCommand($"set local work_mem = '{workMem}'", connection, transaction);
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(Statement, connection, transaction);
        command.CommandTimeout = 3600;
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = month.Period.Utc.Start.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = month.Period.Utc.End.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = month.Period.Dates.Length });
        var amounts = new List<ElementAmount>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                amounts.Add(new ElementAmount(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
            }
        }

        await transaction.CommitAsync();
        return (amounts, clock.Elapsed);
    }

    /// <summary>The invoices' electricity lines as (point, element, amount): a charge's element id ends in its owner, code and link start.</summary>
    public async Task<IReadOnlyList<ElementAmount>> InvoiceLinesAsync(string billRunId)
    {
        await using var command = dataSource.CreateCommand("""
            select l.metering_point, case when l.element_id like '%:%' then split_part(l.element_id, ':', 3) else l.element_id end, l.amount
            from bio.invoice_line l join bio.invoice i on i.id = l.invoice_id
            where i.bill_run_id = $1 and l.metering_point is not null
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = billRunId });
        var lines = new List<ElementAmount>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(new ElementAmount(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
        }

        return lines;
    }
}
