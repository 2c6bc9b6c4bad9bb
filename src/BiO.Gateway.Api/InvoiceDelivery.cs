using System.Net.Http.Headers;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.Gateway.Api;

/// <summary>Where issued invoices are pushed (configuration section BiO:Integration).</summary>
public sealed class IntegrationOptions
{
    /// <summary>
    /// The ERP's (or finance system's) endpoint that takes "invoice issued" messages by POST; each carries the header
    /// Idempotency-Key (the message key "invoice:{series}:{number}"), so a repeat changes nothing there. None: the
    /// messages wait on the outbox and are read at GET /api/outbox.
    /// </summary>
    public Uri? InvoiceWebhook { get; set; }

    public TimeSpan DeliveryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Pushes issued invoices from the outbox to the integration endpoint: due messages are claimed (so that several gateway
/// processes never send one twice at once), POSTed, and answered on a 2xx; anything else is a failed attempt, retried
/// with the outbox's back-off. BiO assumes no particular ERP: the body is the message as stored, and the ERP reads the
/// invoice's lines at GET /api/invoices/{series}/{number}.
/// </summary>
public sealed partial class InvoiceDelivery(IOutbox outbox, HttpClient http, IOptions<IntegrationOptions> options, IClock clock, ILogger<InvoiceDelivery> logger) : BackgroundService
{
    /// <summary>Delivers the due messages once; returns how many were accepted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var webhook = options.Value.InvoiceWebhook ?? throw new InvalidOperationException("BiO:Integration:InvoiceWebhook is not set.");
        var delivered = 0;
        foreach (var message in await outbox.DueAsync(OutboxKinds.InvoiceIssued, clock.GetCurrentInstant(), 50, cancellationToken))
        {
            try
            {
                using var content = new StringContent(message.Payload, MediaTypeHeaderValue.Parse(message.ContentType));
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = content };
                request.Headers.Add("Idempotency-Key", message.Key);
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                await outbox.MarkSentAsync(message.Id, clock.GetCurrentInstant(), cancellationToken);
                await outbox.RecordAnswerAsync(message.Key, accepted: true, reason: null, clock.GetCurrentInstant(), cancellationToken);
                delivered++;
            }
            catch (HttpRequestException ex)
            {
                await outbox.MarkFailedAttemptAsync(message.Id, ex.Message, clock.GetCurrentInstant(), cancellationToken);
                NotDelivered(message.Key, ex.Message);
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.InvoiceWebhook is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DeliveryPeriod);
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                DeliveryFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice message {Key} not delivered ({Problem}); it is tried again after the back-off")]
    private partial void NotDelivered(string key, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering invoice messages failed; trying again shortly")]
    private partial void DeliveryFailed(Exception exception);
}

/// <summary>Registration of the invoice delivery.</summary>
public static class InvoiceDeliveryRegistration
{
    public static IServiceCollection AddInvoiceDelivery(this IServiceCollection services)
    {
        services.AddOptions<IntegrationOptions>().BindConfiguration("BiO:Integration");
        services.AddHttpClient<InvoiceDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<InvoiceDelivery>());
        return services;
    }
}
