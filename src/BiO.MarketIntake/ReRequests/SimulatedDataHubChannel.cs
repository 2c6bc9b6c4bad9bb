using BiO.Demo;
using Microsoft.Extensions.Logging;

namespace BiO.MarketIntake.ReRequests;

/// <summary>
/// DataHub in process, for the demo and the embedded profile: a sent RSM-015 is answered by the
/// <see cref="SimulatedDataHub"/> of a demo month, and after <paramref name="answerDelay"/> its answer documents
/// (RSM-012 E30, reject) are handed to <see cref="MarketIntake.AcceptAsync"/>, as DataHub would send them to us.
/// A request that does not read fails the send, as DataHub's refusal at its door would.
/// </summary>
public sealed partial class SimulatedDataHubChannel(SimulatedDataHub hub, MarketIntake intake, TimeSpan answerDelay, ILogger<SimulatedDataHubChannel> logger)
    : IDataHubChannel, IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    public Task SendAsync(string contentType, byte[] body, CancellationToken cancellationToken)
    {
        var answers = hub.Answer(contentType, body);
        _ = DeliverAsync(answers, stopping.Token);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task DeliverAsync(IReadOnlyList<MarketDocument> answers, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(answerDelay, cancellationToken);
            foreach (var answer in answers)
            {
                var result = await intake.AcceptAsync(answer.ContentType, answer.Body, cancellationToken);
                Delivered(answer.DocumentId, answer.Kind, result.Status);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            DeliveryFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated DataHub answered with {DocumentId} ({Kind}): {Status}")]
    private partial void Delivered(string documentId, string kind, IntakeStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated DataHub could not hand its answer to the intake")]
    private partial void DeliveryFailed(Exception exception);
}
