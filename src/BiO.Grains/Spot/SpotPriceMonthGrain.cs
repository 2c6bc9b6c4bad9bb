using BiO.Domain.Time;
using NodaTime;
using NodaTime.Text;
using Orleans.Concurrency;

namespace BiO.Grains.Spot;

/// <summary>A month of one area's spot prices from its day grains, kept on each silo as long as callers accept it.</summary>
[StatelessWorker]
public sealed class SpotPriceMonthGrain(IClock clock) : Grain, ISpotPriceMonthGrain
{
    private (Instant ReadAt, SpotPricesView View)? cached;

    /// <summary>How old a kept month a bill run's settlement accepts: its points share one read per area.</summary>
    public static Duration KeepFor { get; } = Duration.FromSeconds(10);

    async Task<SpotPricesView> ISpotPriceMonthGrain.GetAsync(Instant readNoEarlierThan)
    {
        var now = clock.GetCurrentInstant();
        if (cached is { } c && c.ReadAt >= readNoEarlierThan)
        {
            return c.View;
        }

        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var area = key[..slash];
        var month = YearMonthPattern.Iso.Parse(key[(slash + 1)..]).GetValueOrThrow();
        var days = await Task.WhenAll(BillingPeriod.Of(month).Days().Select(d =>
            GrainFactory.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of(area, d.Date)).GetAsync()));
        var resolutions = days.Select(d => d.Resolution).OfType<string>().Distinct().ToList();
        var view = new SpotPricesView(area, month.OnDayOfMonth(1), resolutions.Count == 1 ? resolutions[0] : resolutions.FirstOrDefault(),
            days.SelectMany(d => d.Prices).ToList());
        cached = (now, view);
        return view;
    }
}
