using BiO.Grains.Accounts;
using BiO.Persistence.Invoicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>Customer accounts, their contracts and invoices.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapPut("/{accountId}", DefineAccountAsync)
            .WithName("DefineAccount")
            .WithSummary("Creates or renames a customer account")
            .WithDescription(RequestIds.Description)
            .Produces<AccountResponse>()
            .ProducesValidationProblem();
        accounts.MapGet("/{accountId}", GetAccountAsync)
            .WithName("GetAccount")
            .WithSummary("A customer account with its contracts and the metering points it pays for")
            .Produces<AccountResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("", ListAccountsAsync)
            .WithName("ListAccounts")
            .WithSummary("The ids of all customer accounts, a page at a time (ordinal order)")
            .Produces<Page<string>>()
            .ProducesValidationProblem();
        accounts.MapGet("/{accountId}/invoices", ListInvoicesAsync)
            .WithName("ListAccountInvoices")
            .WithSummary("The invoices of an account (without lines), by period")
            .Produces<IReadOnlyList<InvoiceSummaryResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapPut("/{contractId}", DefineContractAsync)
            .WithName("DefineContract")
            .WithSummary("Creates or changes a contract (e.g. sets its end)")
            .WithDescription(RequestIds.Description + " The domain's refusals (an overlap on a metering point, an unknown account) are 400 with their reason.")
            .Produces<ContractResponse>()
            .ProducesValidationProblem();
        contracts.MapGet("/{contractId}", GetContractAsync)
            .WithName("GetContract")
            .WithSummary("A contract")
            .Produces<ContractResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DefineAccountAsync(string accountId, AccountRequest body, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var definition = body.ToDefinition(RequestIds.For(idempotencyKey, "account/" + accountId, body), accountId, errors);
        if (definition is null)
        {
            return errors.Problem();
        }

        // The account registers itself in the directory when it is created.
        return Results.Ok(AccountResponse.From(await grains.GetGrain<ICustomerAccountGrain>(accountId).DefineAsync(definition)));
    }

    private static async Task<IResult> GetAccountAsync(string accountId, IGrainFactory grains) =>
        await grains.GetGrain<ICustomerAccountGrain>(accountId).GetAsync() is { } view
            ? Results.Ok(AccountResponse.From(view))
            : NotFound.Account(accountId);

    private static async Task<IResult> ListAccountsAsync(int? offset, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var (from, size) = Page<string>.Check(offset, limit, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var ids = await grains.GetGrain<IAccountDirectoryGrain>(AccountDirectory.Key).ListAsync();
        return Results.Ok(Page<string>.Of(ids.Order(StringComparer.Ordinal).ToList(), from, size));
    }

    private static async Task<IResult> ListInvoicesAsync(string accountId, IGrainFactory grains, IInvoiceStore invoices, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerAccountGrain>(accountId).GetAsync() is null)
        {
            return NotFound.Account(accountId);
        }

        var list = await invoices.ListByAccountAsync(accountId, cancellationToken);
        return Results.Ok(list.Select(InvoiceSummaryResponse.From).ToList());
    }

    private static async Task<IResult> DefineContractAsync(string contractId, ContractRequest body, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var definition = body.ToDefinition(RequestIds.For(idempotencyKey, "contract/" + contractId, body), contractId, errors);
        if (definition is null)
        {
            return errors.Problem();
        }

        return Results.Ok(ContractResponse.From(await grains.GetGrain<IContractGrain>(contractId).DefineAsync(definition)));
    }

    private static async Task<IResult> GetContractAsync(string contractId, IGrainFactory grains) =>
        await grains.GetGrain<IContractGrain>(contractId).GetAsync() is { } contract
            ? Results.Ok(ContractResponse.From(contract))
            : NotFound.Problem("Unknown contract", $"No contract '{contractId}' is defined.");
}

/// <summary>404 answers as problem+json naming what is unknown.</summary>
internal static class NotFound
{
    public static IResult Problem(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Account(string accountId) => Problem("Unknown account", $"No account '{accountId}' is defined.");
}
