using System.Collections.Immutable;
using BiO.Domain.Time;

namespace BiO.Domain.Accounts;

/// <summary>
/// All contracts, by id, with the rule that the contracts of one metering point never share a day (whatever their
/// accounts: a move ends one and starts another). Answers which contracts are due for an account and billing period.
/// </summary>
public sealed class ContractRegister
{
    private readonly ImmutableSortedDictionary<string, Contract> byId;

    private ContractRegister(ImmutableSortedDictionary<string, Contract> byId) => this.byId = byId;

    public static ContractRegister Empty { get; } = new(ImmutableSortedDictionary.Create<string, Contract>(StringComparer.Ordinal));

    /// <summary>The contracts, by id.</summary>
    public IReadOnlyCollection<Contract> Contracts => byId.Values.ToList();

    /// <summary>A register of <paramref name="contracts"/>.</summary>
    /// <exception cref="ArgumentException">Two contracts with one id, or two contracts of one metering point overlap.</exception>
    public static ContractRegister Of(IEnumerable<Contract> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var register = Empty;
        foreach (var contract in contracts)
        {
            if (register.byId.ContainsKey(contract.ContractId))
            {
                throw new ArgumentException($"Contract id {contract.ContractId} is given twice (accounts {register.byId[contract.ContractId].AccountId} and {contract.AccountId}).", nameof(contracts));
            }

            register = register.With(contract);
        }

        return register;
    }

    /// <summary>Adds a contract, or replaces the one with its id (e.g. the same contract now ending).</summary>
    /// <exception cref="ArgumentException">It overlaps another contract of its metering point; the message names both.</exception>
    public ContractRegister With(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.MeteringPoint is { } point)
        {
            var clash = byId.Values.FirstOrDefault(c => c.ContractId != contract.ContractId && c.MeteringPoint == point && c.Overlaps(contract));
            if (clash is not null)
            {
                throw new ArgumentException(
                    $"Contract {contract} of account {contract.AccountId} overlaps contract {clash} of account {clash.AccountId} on metering point {point}.",
                    nameof(contract));
            }
        }

        return new ContractRegister(byId.SetItem(contract.ContractId, contract));
    }

    /// <summary>The contract with an id, or null.</summary>
    public Contract? Find(string contractId) => byId.GetValueOrDefault(contractId);

    /// <summary>
    /// What is due on the invoice of <paramref name="accountId"/> for <paramref name="period"/>: every covered part of a
    /// contract it pays for (its own contracts, unless a metering point has another payer on those days, and the
    /// metering points it is the payer of), ordered by contract id and first day.
    /// </summary>
    public IReadOnlyList<ContractCoverage> DueFor(string accountId, BillingPeriod period, Payers payers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return Due(period, payers).Where(c => c.PayingAccountId == accountId).ToList();
    }

    /// <summary>The accounts with something due for <paramref name="period"/>, in ordinal order: the accounts of a bill run.</summary>
    public IReadOnlyList<string> AccountsDue(BillingPeriod period, Payers payers) =>
        Due(period, payers).Select(c => c.PayingAccountId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every covered part of every contract in <paramref name="period"/>, with its paying account.</summary>
    public IReadOnlyList<ContractCoverage> Due(BillingPeriod period, Payers payers)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(payers);
        var due = new List<ContractCoverage>();
        foreach (var contract in byId.Values)
        {
            if (contract.DaysIn(period) is not { } days)
            {
                continue;
            }

            if (contract.MeteringPoint is not { } point)
            {
                due.Add(new ContractCoverage(contract, contract.AccountId, days));
                continue;
            }

            due.AddRange(payers.Split(point, days, contract.AccountId).Select(run => new ContractCoverage(contract, run.AccountId, run.Days)));
        }

        return due;
    }
}
