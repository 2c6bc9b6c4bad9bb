namespace BiO.Grains.Accounts;

/// <summary>The persisted state of the account directory. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.AccountDirectoryState")]
public sealed class AccountDirectoryState
{
    [Id(0)] public SortedSet<string> AccountIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Every account id, for bill runs to go through (written only when an account is created).</summary>
public sealed class AccountDirectoryGrain(
    [PersistentState("accountDirectory", StorageNames.Grains)] IPersistentState<AccountDirectoryState> state)
    : Grain, IAccountDirectoryGrain
{
    async Task IAccountDirectoryGrain.RegisterAsync(string accountId)
    {
        if (state.State.AccountIds.Add(accountId))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IAccountDirectoryGrain.ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.AccountIds.ToList());
}
