using Orleans.Storage;

namespace BiO.Grains;

/// <summary>
/// A grain's persistent state read from its grain storage when first needed, not on activation as
/// <see cref="IPersistentState{TState}"/> does: for grains woken mostly by messages that do not need their state (a
/// metering point hearing of new meter data), an activation then costs no read. The same storage record as
/// <c>[PersistentState(stateName, storageName)]</c> would use: the stored format does not change.
/// </summary>
internal sealed class StateOnDemand<T>(IGrainStorage storage, string stateName, GrainId grainId)
    where T : class, new()
{
    private readonly GrainState<T> grainState = new(new T());
    private Task? reading;

    /// <summary>The state; <see cref="ReadAsync"/> must have completed first.</summary>
    public T State => reading is { IsCompletedSuccessfully: true }
        ? grainState.State! // never null once read (ReadFromStorageAsync)
        : throw new InvalidOperationException($"The {stateName} state of {grainId} is used before it was read.");

    /// <summary>Reads the state unless it has been read (a failed read is tried again on the next call).</summary>
    public Task ReadAsync()
    {
        if (reading is null || reading.IsFaulted || reading.IsCanceled)
        {
            reading = ReadFromStorageAsync();
        }

        return reading;
    }

    private async Task ReadFromStorageAsync()
    {
        await storage.ReadStateAsync(stateName, grainId, grainState);
        grainState.State ??= new T(); // no record: a fresh state, as IPersistentState gives
    }

    /// <summary>Writes the state (read before) with optimistic concurrency, as <see cref="IPersistentState{TState}.WriteStateAsync"/>.</summary>
    public Task WriteStateAsync()
    {
        _ = State;
        return storage.WriteStateAsync(stateName, grainId, grainState);
    }
}
