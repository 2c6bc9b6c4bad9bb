using System.Diagnostics;

namespace BiO.Bench.BillRun;

/// <summary>Samples this process's working set every 200 ms from construction until stopped; gives the highest seen.</summary>
public sealed class WorkingSetSampler
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    public WorkingSetSampler() => sampling = SampleAsync(stop.Token);

    /// <summary>Stops sampling; the peak working set in bytes.</summary>
    public async Task<long> StopAsync()
    {
        await stop.CancelAsync();
        var peak = await sampling;
        stop.Dispose();
        return peak;
    }

    private static async Task<long> SampleAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var peak = 0L;
        while (true)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return peak;
            }
        }
    }
}
