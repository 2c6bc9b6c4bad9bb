using NodaTime;

namespace BiO.Grains.Accounts;

/// <summary>The persisted state of a supplier price list. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.PriceListState")]
public sealed class PriceListState
{
    [Id(0)] public PriceListView? Current { get; set; }

    [Id(1)] public HashSet<string> Requests { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A product's supplier price list; the domain checks it before it is kept.</summary>
public sealed class PriceListGrain(
    [PersistentState("priceList", StorageNames.Grains)] IPersistentState<PriceListState> state,
    IClock clock)
    : Grain, IPriceListGrain
{
    async Task<PriceListView> IPriceListGrain.DefineAsync(PriceListDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.ProductCode != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Price list of {definition.ProductCode} cannot be kept as {this.GetPrimaryKeyString()}.", nameof(definition));
        }

        if (state.State.Requests.Contains(definition.RequestId) && state.State.Current is { } done)
        {
            return done;
        }

        _ = AccountMapping.ToDomain(definition); // the domain's checks, naming what is wrong
        state.State.Current = new PriceListView(definition, clock.GetCurrentInstant());
        state.State.Requests.Add(definition.RequestId);
        await state.WriteStateAsync();
        return state.State.Current;
    }

    Task<PriceListView?> IPriceListGrain.GetAsync() => Task.FromResult(state.State.Current);
}
