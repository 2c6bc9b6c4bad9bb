using System.Collections.Immutable;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.Accounts;

/// <summary>How a registration of a quantity ended.</summary>
public enum QuantityOutcome
{
    /// <summary>The month had no quantity: it has this one now.</summary>
    Registered = 1,

    /// <summary>The month had another quantity, not yet invoiced: this one replaces it.</summary>
    Replaced = 2,

    /// <summary>The same request again, or the quantity the month has already: nothing changed.</summary>
    Unchanged = 3,

    /// <summary>Refused without a change: the request id registered something else, or the month is invoiced (see the reason).</summary>
    Conflict = 4,
}

/// <summary>What registering a quantity gave: the outcome, the register after it, the month's quantity now, and why a conflict is one.</summary>
public sealed record QuantityRegistration(QuantityOutcome Outcome, ContractQuantities Quantities, RegisteredQuantity? Current, string? Conflict);

/// <summary>
/// The quantities registered for one contract priced per unit: every accepted request in order, and the quantity of
/// each billing month (the last accepted for it).
/// Rules: a quantity is registered only for a contract priced per unit and a month the contract covers (at least one
/// day). A request id is used once: the same request again (same month and quantity) changes nothing; the same request
/// id with another month or quantity is a conflict. A new request for a month replaces its quantity while the month is
/// not invoiced; once it is invoiced, the month keeps the quantity it was invoiced with (a new request with the same
/// quantity changes nothing, another quantity is a conflict: a change of an invoiced quantity would need a credit or debit
/// note, which is not made for products today).
/// </summary>
public sealed class ContractQuantities
{
    private readonly ImmutableList<RegisteredQuantity> accepted;

    private ContractQuantities(string contractId, ImmutableList<RegisteredQuantity> accepted)
    {
        ContractId = contractId;
        this.accepted = accepted;
    }

    public string ContractId { get; }

    /// <summary>Every accepted request, oldest first (requests that changed nothing included: they are known ids).</summary>
    public IReadOnlyList<RegisteredQuantity> Accepted => accepted;

    /// <summary>The quantity of each month that has one, by month.</summary>
    public IReadOnlyList<RegisteredQuantity> Current =>
        accepted.GroupBy(q => q.Month).Select(g => g.Last()).OrderBy(q => q.Month).ToList();

    /// <summary>No quantities yet.</summary>
    public static ContractQuantities Empty(string contractId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        return new ContractQuantities(contractId, []);
    }

    /// <summary>The register as kept: requests accepted before, oldest first (their rules are not checked again).</summary>
    /// <exception cref="ArgumentException">A quantity is of another contract.</exception>
    public static ContractQuantities Of(string contractId, IEnumerable<RegisteredQuantity> accepted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        ArgumentNullException.ThrowIfNull(accepted);
        var list = accepted.ToImmutableList();
        if (list.FirstOrDefault(q => q.ContractId != contractId) is { } other)
        {
            throw new ArgumentException($"The quantities of contract {contractId} cannot hold {other}.", nameof(accepted));
        }

        return new ContractQuantities(contractId, list);
    }

    /// <summary>The quantity of <paramref name="month"/>, or null when none is registered.</summary>
    public RegisteredQuantity? In(YearMonth month) => accepted.LastOrDefault(q => q.Month == month);

    /// <summary>
    /// Registers <paramref name="quantity"/> for <paramref name="contract"/> by the rules above.
    /// <paramref name="invoicedAs"/> is the number of the invoice of the quantity's month, or null while it is not
    /// invoiced. A conflict changes nothing and says why.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The contract is not this register's, is not priced per unit, or does not cover the month; the message says which.
    /// </exception>
    public QuantityRegistration Register(Contract contract, RegisteredQuantity quantity, string? invoicedAs)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(quantity);
        if (contract.ContractId != ContractId || quantity.ContractId != ContractId)
        {
            throw new ArgumentException($"The quantities of contract {ContractId} cannot register {quantity} for contract {contract.ContractId}.", nameof(quantity));
        }

        var month = $"{quantity.Month:uuuu-MM}";
        if (accepted.FirstOrDefault(q => q.RequestId == quantity.RequestId) is { } known)
        {
            return known.Month == quantity.Month && known.Quantity == quantity.Quantity
                ? new QuantityRegistration(QuantityOutcome.Unchanged, this, In(known.Month), null)
                : new QuantityRegistration(QuantityOutcome.Conflict, this, In(quantity.Month),
                    $"Request {quantity.RequestId} registered {known.Quantity} for {known.Month:uuuu-MM} of contract {ContractId}; the same request id cannot register {quantity.Quantity} for {month}. Send a new Idempotency-Key.");
        }

        if (contract.Price is not PricePerUnit perUnit)
        {
            throw new ArgumentException($"Contract {contract} ({contract.Kind}) is not priced per unit: no quantity is registered for it.", nameof(contract));
        }

        if (contract.DaysIn(BillingPeriod.Of(quantity.Month)) is null)
        {
            throw new ArgumentException($"Contract {contract} does not cover {month}: no quantity can be registered for that month.", nameof(quantity));
        }

        var current = In(quantity.Month);
        if (invoicedAs is not null && current?.Quantity != quantity.Quantity)
        {
            var had = current is null ? "without a quantity" : $"with {current.Quantity} {perUnit.Unit}";
            return new QuantityRegistration(QuantityOutcome.Conflict, this, current,
                $"{month} of contract {ContractId} is invoiced ({invoicedAs}) {had}; it cannot change to {quantity.Quantity} {perUnit.Unit}.");
        }

        var outcome = current is null ? QuantityOutcome.Registered
            : current.Quantity == quantity.Quantity ? QuantityOutcome.Unchanged
            : QuantityOutcome.Replaced;
        var after = new ContractQuantities(ContractId, accepted.Add(quantity));
        return new QuantityRegistration(outcome, after, quantity, null);
    }
}
