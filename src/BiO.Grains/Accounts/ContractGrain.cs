using BiO.Grains.MeteringPoints;

namespace BiO.Grains.Accounts;

/// <summary>The persisted state of a contract. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.ContractState")]
public sealed class ContractState
{
    [Id(0)] public ContractDefinition? Current { get; set; }

    [Id(1)] public HashSet<string> Requests { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A contract: checked by the domain, then kept by its metering point (which refuses an overlap with another contract of
/// the point) and by its account, then here.
/// </summary>
public sealed class ContractGrain(
    [PersistentState("contract", StorageNames.Grains)] IPersistentState<ContractState> state)
    : Grain, IContractGrain
{
    async Task<ContractDefinition> IContractGrain.DefineAsync(ContractDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.ContractId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Contract {definition.ContractId} cannot be kept as {this.GetPrimaryKeyString()}.", nameof(definition));
        }

        if (state.State.Requests.Contains(definition.RequestId) && state.State.Current is { } done)
        {
            return done;
        }

        _ = AccountMapping.ToDomain(definition); // the domain's checks, naming what is wrong
        if (state.State.Current is { } current && (current.AccountId != definition.AccountId || current.MeteringPoint != definition.MeteringPoint))
        {
            throw new ArgumentException(
                $"Contract {definition.ContractId} is of account {current.AccountId} on {current.MeteringPoint ?? "no metering point"}; a contract cannot move to account {definition.AccountId} on {definition.MeteringPoint ?? "no metering point"}: end it and make a new one.",
                nameof(definition));
        }

        var account = GrainFactory.GetGrain<ICustomerAccountGrain>(definition.AccountId);
        if (await account.GetAsync() is null)
        {
            throw new ArgumentException($"Contract {definition.ContractId}: account {definition.AccountId} does not exist.", nameof(definition));
        }

        if (definition.MeteringPoint is { } gsrn)
        {
            await GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).AttachContractAsync(definition);
        }

        await account.AttachContractAsync(definition);
        state.State.Current = definition;
        state.State.Requests.Add(definition.RequestId);
        await state.WriteStateAsync();
        return definition;
    }

    Task<ContractDefinition?> IContractGrain.GetAsync() => Task.FromResult(state.State.Current);

    // The account keeps the quantities: it invoices them, so a month's quantity cannot change while it is being invoiced.
    Task<QuantityRegistrationResult> IContractGrain.RegisterQuantityAsync(QuantityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContractId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"A quantity of contract {request.ContractId} cannot be registered for contract {this.GetPrimaryKeyString()}.", nameof(request));
        }

        if (state.State.Current is not { } contract)
        {
            throw new ArgumentException($"Contract {request.ContractId} does not exist; no quantity can be registered for it.", nameof(request));
        }

        return GrainFactory.GetGrain<ICustomerAccountGrain>(contract.AccountId).RegisterQuantityAsync(request);
    }

    async Task<IReadOnlyList<RegisteredQuantityRecord>> IContractGrain.GetQuantitiesAsync() =>
        state.State.Current is { } contract
            ? await GrainFactory.GetGrain<ICustomerAccountGrain>(contract.AccountId).GetQuantitiesAsync(contract.ContractId)
            : [];
}
