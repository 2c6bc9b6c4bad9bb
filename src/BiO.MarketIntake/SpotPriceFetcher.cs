using System.Globalization;
using BiO.Domain.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BiO.MarketIntake;

/// <summary>
/// Asks Energi Data Service's DayAheadPrices API (when <see cref="MarketIntakeOptions.SpotPriceApi"/> is set) for
/// yesterday to the day after tomorrow in DK1 and DK2, and hands the answer to the intake like any document: stored,
/// named by its content (the same answer again is a duplicate), applied to the spot price grains.
/// </summary>
public sealed partial class SpotPriceFetcher(
    MarketIntake intake, HttpClient http, IOptions<MarketIntakeOptions> options, IClock clock, ILogger<SpotPriceFetcher> logger) : BackgroundService
{
    /// <summary>The API address for the days around <paramref name="today"/> (local days: the API's start/end are Danish time).</summary>
    public static Uri Query(Uri api, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(api);
        static string Day(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var filter = Uri.EscapeDataString("{\"PriceArea\":[\"DK1\",\"DK2\"]}");
        return new Uri($"{api.GetLeftPart(UriPartial.Path)}?start={Day(today.PlusDays(-1))}&end={Day(today.PlusDays(3))}&filter={filter}&sort=TimeUTC%20asc&limit=0");
    }

    /// <summary>Fetches once and hands the answer to the intake.</summary>
    public async Task<IntakeResult> FetchAsync(CancellationToken cancellationToken)
    {
        var api = options.Value.SpotPriceApi ?? throw new InvalidOperationException("BiO:MarketIntake:SpotPriceApi is not set.");
        var body = await http.GetByteArrayAsync(Query(api, BillingTime.DayOf(clock.GetCurrentInstant())), cancellationToken);
        return await intake.AcceptAsync("application/json", body, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SpotPriceApi is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SpotPriceFetchPeriod);
        do
        {
            try
            {
                var result = await FetchAsync(stoppingToken);
                Fetched(result.Status, result.DocumentId, result.Transactions);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                FetchFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Spot prices fetched: {Status} (document {DocumentId}, {Days} area-days)")]
    private partial void Fetched(IntakeStatus status, string? documentId, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching spot prices failed; trying again at the next period")]
    private partial void FetchFailed(Exception exception);
}
