using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Grains.Charges;

/// <summary>The persisted state of a charge. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.ChargeState")]
public sealed class ChargeState
{
    [Id(0)] public ChargeDefinition? Definition { get; set; }

    /// <summary>Every price point as received (time, price, received at): corrections are later points for the same time.</summary>
    [Id(1)] public List<StoredPrice> Points { get; set; } = [];

    /// <summary>Documents applied (idempotency).</summary>
    [Id(2)] public HashSet<string> Documents { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A price point as stored: from when, the price, and when it was received.</summary>
[GenerateSerializer, Immutable, Alias("BiO.StoredPrice")]
public readonly record struct StoredPrice([property: Id(0)] Instant From, [property: Id(1)] decimal Price, [property: Id(2)] Instant ReceivedAt);

/// <summary>A DataHub charge: definition and price history; the domain decides what is in force as known at an instant.</summary>
public sealed class ChargeGrain(
    [PersistentState("charge", StorageNames.Grains)] IPersistentState<ChargeState> state,
    BiO.Persistence.Invoicing.IInvoiceStore invoices,
    IClock clock)
    : Grain, IChargeGrain
{
    // Views answered, by period, for any instant that knows every price received (a bill run asks for one period
    // thousands of times): dropped whenever the definition or the prices change.
    private readonly Dictionary<Interval, ChargePricesView> views = [];
    private Instant? newestReceived;

    async Task IChargeGrain.DefineAsync(ChargeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = ChargeKeys.Of(definition.OwnerGln, definition.TypeCode, definition.Code);
        if (key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Document {definition.DocumentId} defines charge {key}, not {this.GetPrimaryKeyString()}.", nameof(definition));
        }

        _ = ToDomain(definition); // validates type, code and resolution with the domain's rules
        if (!state.State.Documents.Add(definition.DocumentId))
        {
            return;
        }

        state.State.Definition = definition;
        views.Clear();
        await state.WriteStateAsync();
    }

    async Task IChargeGrain.ReceivePricesAsync(ChargePriceSeries prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (state.State.Documents.Contains(prices.DocumentId))
        {
            return;
        }

        // UnitPrice refuses more than 6 decimals, naming the value: checked before anything is kept.
        var points = prices.Prices.Select(p => new StoredPrice(p.From, new UnitPrice(p.Price).Value, prices.ReceivedAt)).ToList();
        state.State.Points.AddRange(points);
        state.State.Documents.Add(prices.DocumentId);
        views.Clear();
        newestReceived = null;
        await state.WriteStateAsync();
        await RecheckInvoicedPointsAsync(points);
    }

    /// <summary>
    /// New prices may change months already invoiced (from the first new price on, as prices carry forward): the
    /// metering points invoiced with this charge in those months rate them again (told one-way, not awaited).
    /// </summary>
    private async Task RecheckInvoicedPointsAsync(IReadOnlyList<StoredPrice> points)
    {
        if (state.State.Definition is not { } definition || points.Count == 0)
        {
            return;
        }

        var from = points.Min(p => p.From);
        var until = BillingTime.DayOf(clock.GetCurrentInstant()).PlusYears(1);
        if (BillingTime.DayOf(from) > until)
        {
            return; // prices of the far future: nothing of it is invoiced
        }

        var days = new DateInterval(BillingTime.DayOf(from), until);
        foreach (var gsrn in await invoices.PointsInvoicedWithAsync(ChargeElementIds.PrefixOf(ToDomain(definition).Key), days))
        {
            await GrainFactory.GetGrain<BiO.Grains.MeteringPoints.IMeteringPointGrain>(gsrn).RecheckAsync(new Interval(from, Instant.MaxValue));
        }
    }

    Task<ChargePricesView> IChargeGrain.GetPricesAsync(ChargePriceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var knownAt = query.KnownAt ?? clock.GetCurrentInstant();
        var knowsAll = state.State.Points.Count == 0 || knownAt >= (newestReceived ??= state.State.Points.Max(p => p.ReceivedAt));
        if (knowsAll && views.TryGetValue(query.Period, out var known))
        {
            return Task.FromResult(known with { KnownAt = knownAt });
        }

        var table = new PriceHistory(state.State.Points.Select(p => new PricePoint(p.From, new UnitPrice(p.Price), p.ReceivedAt))).AsKnownAt(knownAt);
        var inForce = new List<ChargePrice>();
        if (table.TryLastKnown(query.Period.Start, out var carried))
        {
            inForce.Add(new ChargePrice(carried.Time, carried.Price.Value, carried.ReceivedAt));
        }

        inForce.AddRange(state.State.Points
            .Select(p => p.From)
            .Where(t => t > query.Period.Start && t < query.Period.End)
            .Distinct()
            .Order()
            .Select(t => table.TryExact(t, out var p) ? new ChargePrice(p.Time, p.Price.Value, p.ReceivedAt) : null)
            .OfType<ChargePrice>());
        var view = new ChargePricesView(this.GetPrimaryKeyString(), state.State.Definition, knownAt, inForce);
        if (knowsAll)
        {
            if (views.Count >= 48)
            {
                views.Clear(); // a few periods are asked for at a time: keep the store small
            }

            views[query.Period] = view;
        }

        return Task.FromResult(view);
    }

    private static Charge ToDomain(ChargeDefinition definition) =>
        new(new ChargeKey(definition.OwnerGln, definition.Code, ChargeTypes.FromCode(definition.TypeCode)), Resolution.Parse(definition.Resolution), definition.IsTax, definition.Name);
}
