using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BiO.MarketIntake;

/// <summary>Publishes stored documents the cluster has not had yet: at start-up and then every few seconds.</summary>
public sealed partial class MarketReplayService(MarketIntake intake, ILogger<MarketReplayService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                var replayed = await intake.ReplayAsync(cancellationToken: stoppingToken);
                if (replayed > 0)
                {
                    Replayed(replayed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                ReplayFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} stored market document(s) to the cluster")]
    private partial void Replayed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying stored market documents failed; trying again shortly")]
    private partial void ReplayFailed(Exception exception);
}
