using BiO.Market.Cim.Json;
using BiO.Market.Documents;
using BiO.Market.Requests;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.MarketIntake.ReRequests;

/// <summary>
/// Sends the due re-requests of the outbox (kind <see cref="OutboxKinds.MeterDataRequest"/>) to DataHub every
/// <see cref="DataHubOptions.SendPeriod"/>: the claimed messages become ONE RSM-015 document (CIM JSON, one series per
/// message, series mRID <see cref="MeterDataTransactions.Of"/> its id), handed to the <see cref="IDataHubChannel"/>;
/// then each is marked sent, or, when the channel throws, each gets a failed attempt (the outbox policy's back-off).
/// A request DataHub's rules would refuse now (e.g. a day not over yet) gets a failed attempt of its own and waits.
/// Off when no channel is configured.
/// </summary>
public sealed partial class MeterDataRequestSender(
    IOutbox outbox, IDataHubChannel? channel, IOptions<DataHubOptions> options, IClock clock, ILogger<MeterDataRequestSender> logger) : BackgroundService
{
    /// <summary>The content type of the documents sent.</summary>
    public const string ContentType = "application/json";

    /// <summary>Whether a channel is configured (else nothing is sent).</summary>
    public bool Enabled => channel is not null;

    /// <summary>Claims the due requests and sends them as one document.</summary>
    /// <returns>How many requests were sent (0 when none were due or the channel failed).</returns>
    /// <exception cref="InvalidOperationException">No channel is configured.</exception>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var to = channel ?? throw new InvalidOperationException("No DataHub channel is configured (BiO:DataHub:RequestUrl or BiO:DataHub:Simulation).");
        var now = clock.GetCurrentInstant();
        var due = await outbox.DueAsync(OutboxKinds.MeterDataRequest, now, Math.Max(1, options.Value.RequestsPerDocument), cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var supplier = options.Value.SupplierGln();
        var documentId = $"BIO-{Guid.NewGuid():N}"[..32];
        var series = new List<(OutboxMessage Message, MeasureDataRequestSeries Series)>(due.Count);
        foreach (var message in due)
        {
            try
            {
                var request = MeterDataRequest.FromJson(message.Payload);
                var item = new MeasureDataRequestSeries(MeterDataTransactions.Of(message.Id), request.Gsrn, request.Period);
                RequestValidatedMeasureData.Create(documentId, supplier, [item], now); // DataHub's rules, for this series alone
                series.Add((message, item));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                await outbox.MarkFailedAttemptAsync(message.Id, ex.Message, now, cancellationToken);
                NotSendable(message.Key, ex.Message);
            }
        }

        if (series.Count == 0)
        {
            return 0;
        }

        var document = RequestValidatedMeasureData.Create(documentId, supplier, series.Select(s => s.Series).ToList(), now);
        var body = System.Text.Encoding.UTF8.GetBytes(RequestValidatedMeasureDataJsonWriter.ToJson(document));
        try
        {
            await to.SendAsync(ContentType, body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failedAt = clock.GetCurrentInstant();
            foreach (var (message, _) in series)
            {
                await outbox.MarkFailedAttemptAsync(message.Id, $"{ex.GetType().Name}: {ex.Message}", failedAt, cancellationToken);
            }

            SendFailed(ex, documentId, series.Count);
            return 0;
        }

        var sentAt = clock.GetCurrentInstant();
        foreach (var (message, _) in series)
        {
            await outbox.MarkSentAsync(message.Id, sentAt, cancellationToken);
        }

        Sent(documentId, series.Count);
        return series.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (channel is null)
        {
            Off();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SendPeriod);
        do
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // More may be due than one document carries.
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                RoundFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No DataHub channel configured (BiO:DataHub:RequestUrl or BiO:DataHub:Simulation): meter data re-requests are not sent")]
    private partial void Off();

    [LoggerMessage(Level = LogLevel.Information, Message = "RSM-015 {DocumentId} sent with {Requests} request(s)")]
    private partial void Sent(string documentId, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending RSM-015 {DocumentId} with {Requests} request(s) failed; they are tried again after the back-off")]
    private partial void SendFailed(Exception exception, string documentId, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Key} cannot be sent now: {Problem}")]
    private partial void NotSendable(string key, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of the RSM-015 sender failed; trying again at the next period")]
    private partial void RoundFailed(Exception exception);
}
