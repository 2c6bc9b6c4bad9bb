using BiO.Domain.BillRuns;
using BiO.Grains.BillRuns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>Bill runs: start one for a month, follow its progress and list its accounts by state.</summary>
internal static class BillRunEndpoints
{
    /// <summary>The values of ?accounts= besides "all": the states of an account in a run, in lower case.</summary>
    private static readonly string[] States = Enum.GetNames<AccountState>().Select(n => n.ToLowerInvariant()).ToArray();

    public static void Map(RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/bill-runs").WithTags("Bill runs");
        runs.MapPost("", StartAsync)
            .WithName("StartBillRun")
            .WithSummary("Starts a bill run for a month over all accounts (starting a started run again changes nothing)")
            .Produces<BillRunResponse>(StatusCodes.Status201Created)
            .Produces<BillRunResponse>()
            .ProducesValidationProblem();
        runs.MapGet("/{runId}", GetAsync)
            .WithName("GetBillRun")
            .WithSummary("A bill run's progress; ?accounts=waiting|failed|settled|pending|ready|notdue|all lists its accounts a page at a time (offset, limit)")
            .Produces<BillRunResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StartAsync(BillRunRequest body, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var month = errors.Month("month", body.Month);
        var runId = string.IsNullOrWhiteSpace(body.RunId) ? null : body.RunId.Trim();
        if (runId is not null && (runId.Contains('/', StringComparison.Ordinal) || runId.Length > 100))
        {
            errors.Add("runId", $"'runId' must be at most 100 characters without '/', not '{runId}'.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        runId ??= $"run-{Iso.Month(month)}-{Guid.NewGuid():N}"[..(4 + 7 + 1 + 8)];
        var run = grains.GetGrain<IBillRunGrain>(runId);
        var existed = await run.GetProgressAsync() is not null;
        var view = BillRunResponse.From(await run.StartAsync(month));
        return existed ? Results.Ok(view) : Results.Created($"/api/bill-runs/{Uri.EscapeDataString(runId)}", view);
    }

    private static async Task<IResult> GetAsync(string runId, string? accounts, int? offset, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var wanted = string.IsNullOrWhiteSpace(accounts) ? null : accounts.Trim().ToLowerInvariant();
        if (wanted is not null && wanted != "all" && !States.Contains(wanted))
        {
            errors.Add("accounts", $"'accounts' must be one of {string.Join(", ", States)}, all; not '{accounts}'.");
        }

        var (from, size) = Page<BillRunAccountResponse>.Check(offset, limit, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var run = grains.GetGrain<IBillRunGrain>(runId);
        if (await run.GetProgressAsync() is not { } view)
        {
            return NotFound.Problem("Unknown bill run", $"No bill run '{runId}' was started.");
        }

        Page<BillRunAccountResponse>? page = null;
        if (wanted is not null)
        {
            var chosen = await run.GetAccountsAsync(wanted == "all" ? null : wanted, from, size);
            page = new Page<BillRunAccountResponse>(chosen.Accounts.Select(BillRunAccountResponse.From).ToList(), from, size, chosen.Matching);
        }

        return Results.Ok(BillRunResponse.From(view, page));
    }
}
