using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Accounts;

/// <summary>
/// The quantity delivered under a contract priced per unit in one billing month (e.g. 12.5 consultancy hours in
/// 2026-03), as registered by the request <see cref="RequestId"/>. Zero is allowed: nothing to invoice for the product
/// that month, but its month no longer waits. The quantity is what was delivered: it is not prorated when the contract
/// covers only part of the month.
/// </summary>
public sealed record RegisteredQuantity
{
    /// <exception cref="ArgumentException">An id is blank or the quantity is negative; the message names the contract and month.</exception>
    public RegisteredQuantity(string contractId, YearMonth month, Quantity quantity, string requestId)
    {
        if (string.IsNullOrWhiteSpace(contractId))
        {
            throw new ArgumentException($"A quantity registered for {month:uuuu-MM} needs its contract, got nothing.", nameof(contractId));
        }

        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new ArgumentException($"The quantity of contract {contractId} for {month:uuuu-MM} needs a request id, got nothing.", nameof(requestId));
        }

        if (quantity.Value < 0m)
        {
            throw new ArgumentException($"The quantity of contract {contractId} for {month:uuuu-MM} cannot be negative, got {quantity}.", nameof(quantity));
        }

        ContractId = contractId;
        Month = month;
        Quantity = quantity;
        RequestId = requestId;
    }

    public string ContractId { get; }

    /// <summary>The billing month (a local calendar month in Europe/Copenhagen) the quantity was delivered in.</summary>
    public YearMonth Month { get; }

    /// <summary>The units delivered (e.g. hours), at most 3 decimals, not negative.</summary>
    public Quantity Quantity { get; }

    /// <summary>The request that registered it: the same request again changes nothing.</summary>
    public string RequestId { get; }

    /// <summary>"C-4 2026-03: 12.5 (request r-1)".</summary>
    public override string ToString() => $"{ContractId} {Month:uuuu-MM}: {Quantity} (request {RequestId})";
}
