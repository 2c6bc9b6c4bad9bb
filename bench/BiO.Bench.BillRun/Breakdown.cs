using System.Diagnostics;
using BiO.Grains.Accounts;
using BiO.Grains.Charges;
using BiO.Grains.MeteringPoints;
using BiO.Grains.Spot;
using BiO.Persistence.Invoicing;
using BiO.Persistence.MeterData;
using NodaTime;
using Npgsql;

namespace BiO.Bench.BillRun;

/// <summary>
/// Where a bill run's time goes, measured after it on warm grains, each part alone with the run's fan-out in flight:
/// the meter data reads of the store, the charge, spot and price list grain calls a point makes, a point's whole
/// settlement (gather, rate, lines; no invoice), and issuing invoices through the invoice store.
/// </summary>
public sealed class Breakdown(IClusterClient grains, IMeterDataStore meterData, IInvoiceStore invoices, NpgsqlDataSource dataSource, BenchMonth month)
{
    /// <summary>One line per part: calls, wall time, calls per second.</summary>
    public async Task<IReadOnlyList<string>> MeasureAsync(int sample, int concurrency)
    {
        var owners = month.Demo.Customers().SelectMany(a => a.MeteringPoints.Select(p => (Gsrn: p.MeteringPoint.Value, a.AccountId))).Take(sample).ToList();
        var period = month.Period;
        var now = SystemClock.Instance.GetCurrentInstant();
        var charges = month.Charges().Select(c => ChargeKeys.Of(c.Definition.OwnerGln, c.Definition.TypeCode, c.Definition.Code)).ToList();
        var results = new List<string>
        {
            await TimeAsync("meter data store ReadAsync (31 day rows per point)", owners, concurrency, o => meterData.ReadAsync(o.Gsrn, period.Utc)),
            await TimeAsync("  the same rows read raw (packed points as byte[]; no domain objects)", owners, concurrency, o => ReadRawAsync(o.Gsrn)),
            await TimeAsync("charge grain GetPricesAsync (5 per point; 1 activation per charge)", owners.SelectMany(o => charges.Take(5).Select(c => c)).ToList(), concurrency,
                key => grains.GetGrain<IChargeGrain>(key).GetPricesAsync(new ChargePriceQuery(period.Utc, now))),
            await TimeAsync("spot month grain GetAsync (1 per point; stateless worker, 10 s cache)", owners, concurrency,
                _ => grains.GetGrain<ISpotPriceMonthGrain>($"DK1/{month.Month:uuuu-MM}").GetAsync(NodaTime.SystemClock.Instance.GetCurrentInstant() - BiO.Grains.Spot.SpotPriceMonthGrain.KeepFor)),
            await TimeAsync("price list grain GetAsync (1 per point)", owners, concurrency, _ => grains.GetGrain<IPriceListGrain>("EL-SPOT").GetAsync()),
            await TimeAsync("metering point grain SettleAsync (gather + rate + lines, no invoice)", owners, concurrency,
                o => grains.GetGrain<IMeteringPointGrain>(o.Gsrn).SettleAsync(new PointSettleRequest(o.AccountId, month.Month, now))),
        };

        string basis;
        await using (var command = dataSource.CreateCommand("select settlement_basis::text from bio.invoice order by id limit 1"))
        {
            basis = (string)(await command.ExecuteScalarAsync())!;
        }

        var series = $"BRK-{Guid.NewGuid():N}"[..12];
        results.Add(await TimeAsync("invoice store IssueAsync (8 lines, one series, group committed; of no metering point)", Enumerable.Range(0, sample).ToList(), concurrency,
            i => invoices.IssueAsync(Invoice(series, $"BRK-{i}", basis, now)))); // left in place: bill run id "breakdown", series BRK-...
        return results;
    }

    private async Task ReadRawAsync(string gsrn)
    {
        await using var command = dataSource.CreateCommand("""
            select version_id, received_at, start_at, resolution, points
            from bio.meter_data_version where gsrn = $1 and start_at < $3 and end_at > $2 order by received_at, version_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = gsrn });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = month.Period.Utc.Start.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = month.Period.Utc.End.ToDateTimeUtc() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetFieldValue<byte[]>(4);
        }
    }

    private InvoiceToIssue Invoice(string series, string accountId, string basis, Instant now)
    {
        var lines = Enumerable.Range(1, 8).Select(n => new InvoiceLineRow(null, "C-BREAKDOWN", $"element-{n}", "Bench line", "electricity", 100m, null, 12.34m, "S", 25m)).ToList();
        var excluding = lines.Sum(l => l.Amount);
        var vat = excluding * 0.25m;
        return new InvoiceToIssue(series, accountId, month.Period.Dates, now, "breakdown", lines, [new InvoiceVatRow("S", 25m, excluding, vat)], excluding, vat, excluding + vat, basis);
    }

    private static async Task<string> TimeAsync<T>(string what, IReadOnlyList<T> items, int concurrency, Func<T, Task> call)
    {
        var cpu = CpuMeter.Now();
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) => await call(item));
        var elapsed = clock.Elapsed;
        var used = CpuMeter.Now() - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        return $"{what}: {items.Count:N0} calls in {elapsed.TotalSeconds:F2} s = {items.Count / elapsed.TotalSeconds:N0}/s; " +
            $"CPU per call {used.Process * 1000 / items.Count:F2} ms here + {used.Postgres * 1000 / items.Count:F2} ms PostgreSQL; {allocated / 1024.0 / items.Count:N0} KiB allocated per call";
    }
}
