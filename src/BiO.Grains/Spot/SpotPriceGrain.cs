using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;

namespace BiO.Grains.Spot;

/// <summary>The persisted state of a spot price day. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.SpotPriceState")]
public sealed class SpotPriceState
{
    [Id(0)] public string? Resolution { get; set; }

    /// <summary>Every price point as received: corrections are later points for the same start.</summary>
    [Id(1)] public List<SpotPrice> Prices { get; set; } = [];

    /// <summary>Documents applied (idempotency).</summary>
    [Id(2)] public HashSet<string> Documents { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The spot prices of one price area and local day; the domain checks that they belong to the day.</summary>
public sealed class SpotPriceGrain(
    [PersistentState("spotPrice", StorageNames.Grains)] IPersistentState<SpotPriceState> state,
    BiO.Persistence.Invoicing.IInvoiceStore invoices)
    : Grain, ISpotPriceGrain
{
    async Task ISpotPriceGrain.ReceiveAsync(SpotPricesReceived prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var key = SpotPriceKeys.Of(prices.PriceArea, prices.Day);
        if (key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Document {prices.DocumentId} holds spot prices of {key}, not {this.GetPrimaryKeyString()}.", nameof(prices));
        }

        if (state.State.Documents.Contains(prices.DocumentId))
        {
            return;
        }

        var resolution = Resolution.Parse(prices.Resolution);
        if (state.State.Resolution is { } known && known != resolution.Code)
        {
            throw new ArgumentException($"Document {prices.DocumentId}: spot prices of {key} are {known}, not {resolution.Code}.", nameof(prices));
        }

        var area = Enum.Parse<PriceArea>(prices.PriceArea);
        var points = prices.Prices.Select(p => new PricePoint(p.Start, new UnitPrice(p.Price), prices.ReceivedAt));
        _ = SpotPrices.OfDay(area, prices.Day, resolution, new PriceHistory(points)); // the domain's checks, naming what is wrong
        state.State.Resolution = resolution.Code;
        state.State.Prices.AddRange(prices.Prices.Select(p => p with { ReceivedAt = prices.ReceivedAt }));
        state.State.Documents.Add(prices.DocumentId);
        await state.WriteStateAsync();

        // A revised day of a month already invoiced: the points invoiced with spot energy then rate it again (one-way).
        foreach (var gsrn in await invoices.PointsInvoicedWithAsync(BiO.Domain.Billing.PointSettlement.SpotElementId, new NodaTime.DateInterval(prices.Day, prices.Day)))
        {
            await GrainFactory.GetGrain<BiO.Grains.MeteringPoints.IMeteringPointGrain>(gsrn).RecheckAsync(BillingTime.Day(prices.Day));
        }
    }


    Task<SpotPricesView> ISpotPriceGrain.GetAsync()
    {
        var key = this.GetPrimaryKeyString();
        var day = NodaTime.Text.LocalDatePattern.Iso.Parse(key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]).Value;
        return Task.FromResult(new SpotPricesView(key[..key.IndexOf('/', StringComparison.Ordinal)], day, state.State.Resolution, state.State.Prices));
    }
}
