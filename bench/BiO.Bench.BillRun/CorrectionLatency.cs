using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.Testing;

namespace BiO.Bench.BillRun;

/// <summary>
/// The time from a corrected RSM-012 document accepted by the market adapter (stored durably, 202) to the metering
/// point's pending correction being readable: the document travels the Azure queue stream to the point, which rates
/// its invoiced month again against the ledger in PostgreSQL.
/// </summary>
public sealed class CorrectionLatency(IClusterClient grains, Uri adapter, BenchMonth bench)
{
    /// <summary>Posts one corrected day for each of the first <paramref name="count"/> points, one at a time.</summary>
    public async Task<string> MeasureAsync(int count, string run)
    {
        using var http = new HttpClient { BaseAddress = adapter };
        var day = BillingTime.Day(bench.Period.Dates.Start.PlusDays(1));
        var quarters = (int)((day.End - day.Start) / NodaTime.Duration.FromMinutes(15));
        var points = bench.Demo.Points().Take(count).Select(p => p.Gsrn.Value).ToList();
        var latencies = new List<double>();
        foreach (var (gsrn, i) in points.Select((g, i) => (g, i)))
        {
            var quantities = Enumerable.Repeat((decimal?)(0.5m + (i % 7 * 0.125m)), quarters).ToList();
            var body = Rsm012.Json($"corr-{run}-{i}", new Rsm012.Series($"corr-{run}-s-{i}", gsrn, day.Start, day.End, quantities));
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/market/documents", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"correction {i} for {gsrn}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var accepted = Stopwatch.StartNew();
            var point = grains.GetGrain<IMeteringPointGrain>(gsrn);
            while ((await point.GetCorrectionsAsync(null)) is not [{ State: BiO.Grains.Accounts.AccountSettleState.Settled, Lines.Count: > 0 }])
            {
                if (accepted.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"no pending correction for {gsrn} within 60 s");
                }

                await Task.Delay(2);
            }

            latencies.Add(accepted.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
        return string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Count} corrected documents, p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {latencies[^1]:F0} ms (from accepted to readable)");
    }
}
