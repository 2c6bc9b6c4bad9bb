using System.ComponentModel;
using BiO.Grains.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>The body of PUT /api/contracts/{contractId}/quantities/{month}.</summary>
public sealed record RegisterQuantityRequest(
    [property: Description("The units delivered in the month (e.g. hours), at most 3 decimals, not negative; 0: nothing to invoice that month.")] decimal? Quantity)
{
    /// <summary>The quantity, or 0 with <paramref name="errors"/> naming the field.</summary>
    public decimal Check(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var quantity = errors.Number("quantity", Quantity);
        if (quantity < 0m)
        {
            errors.Add("quantity", $"'quantity' cannot be negative, got {quantity}.");
        }
        else if (!BiO.Domain.Money.Decimals.HasAtMost(quantity, BiO.Domain.Money.Decimals.Quantity))
        {
            errors.Add("quantity", $"'quantity' has at most 3 decimals, got {quantity}.");
        }

        return quantity;
    }
}

/// <summary>A month's quantity of a contract priced per unit, as registered.</summary>
public sealed record RegisteredQuantityResponse(
    string ContractId,
    [property: Description("The billing month, yyyy-MM.")] string Month,
    decimal Quantity,
    [property: Description("The unit the contract is priced per, e.g. hour.")] string Unit,
    [property: Description("The Idempotency-Key of the request that registered it.")] string RequestId,
    [property: Description("When it was registered, ISO instant (UTC).")] string RegisteredAt)
{
    public static RegisteredQuantityResponse From(RegisteredQuantityRecord record, string unit)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.ContractId, Iso.Month(record.Month), record.Quantity, unit, record.RequestId, Iso.Instant(record.RegisteredAt));
    }
}

/// <summary>What registering a quantity gave: the outcome and the month's quantity now.</summary>
public sealed record QuantityRegistrationResponse(
    [property: Description("Registered, Replaced (the month's earlier quantity, not yet invoiced) or Unchanged (the same request again, or the same quantity).")] string Outcome,
    [property: Description("The month's quantity now (after a replay of an earlier request: the latest one).")] RegisteredQuantityResponse Current);

/// <summary>The quantities of contracts priced per unit (e.g. consultancy hours), one per billing month.</summary>
internal static class QuantityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapPut("/{contractId}/quantities/{month}", RegisterAsync)
            .WithName("RegisterQuantity")
            .WithSummary("Registers the quantity delivered in a month (yyyy-MM) under a contract priced per unit, e.g. consultancy hours")
            .WithDescription(
                "Idempotent by the Idempotency-Key header (required): the same key again changes nothing; the same key with another month or quantity is 409. " +
                "A new key replaces the month's quantity until the month is invoiced; after that, another quantity is 409. " +
                "Refused (400 with the reason) for a contract not priced per unit or a month the contract does not cover; 404 for an unknown contract.")
            .Produces<QuantityRegistrationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapGet("/{contractId}/quantities", ListAsync)
            .WithName("ListQuantities")
            .WithSummary("The quantity registered for each month of a contract priced per unit, by month")
            .Produces<IReadOnlyList<RegisteredQuantityResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RegisterAsync(
        string contractId, string month, RegisterQuantityRequest body, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            errors.Add(RequestIds.Header, "A quantity is registered once per request: send an Idempotency-Key header.");
        }

        var billingMonth = errors.Month("month", month);
        var quantity = body.Check(errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var grain = grains.GetGrain<IContractGrain>(contractId);
        if (await grain.GetAsync() is not { } contract)
        {
            return UnknownContract(contractId);
        }

        var result = await grain.RegisterQuantityAsync(new QuantityRequest(idempotencyKey!.Trim(), contractId, billingMonth, quantity));
        if (result.State == QuantityRegistrationState.Conflict || result.Current is not { } current)
        {
            return Results.Problem(title: "The quantity conflicts with what is registered", detail: result.Conflict, statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Ok(new QuantityRegistrationResponse(result.State.ToString(), RegisteredQuantityResponse.From(current, UnitOf(contract))));
    }

    private static async Task<IResult> ListAsync(string contractId, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IContractGrain>(contractId);
        if (await grain.GetAsync() is not { } contract)
        {
            return UnknownContract(contractId);
        }

        return Results.Ok((await grain.GetQuantitiesAsync()).Select(q => RegisteredQuantityResponse.From(q, UnitOf(contract))).ToList());
    }

    // As the grains read a contract priced per unit without a unit.
    private static string UnitOf(ContractDefinition contract) => contract.Unit ?? "unit";

    private static IResult UnknownContract(string contractId) => NotFound.Problem("Unknown contract", $"No contract '{contractId}' is defined.");
}
