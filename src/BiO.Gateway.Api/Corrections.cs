using System.ComponentModel;
using BiO.Grains.Accounts;
using BiO.Grains.MeteringPoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>A pending correction of an invoiced month of one metering point, to be settled on the account's next invoice.</summary>
public sealed record PendingCorrectionResponse(
    string MeteringPoint,
    [property: Description("The corrected billing month, yyyy-MM.")] string Month,
    [property: Description("Settled: the lines are ready for the next invoice; Waiting: the new data is incomplete (reasons); Failed.")] string State,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CorrectionLineResponse> Lines,
    [property: Description("The sum of the lines, DKK excl. VAT.")] decimal Total,
    [property: Description("When it was computed, ISO instant (UTC).")] string ComputedAt)
{
    public static PendingCorrectionResponse From(PendingCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return new(correction.Gsrn, Iso.Month(correction.Month), correction.State.ToString(), correction.Reasons,
            correction.Lines.Select(CorrectionLineResponse.From).ToList(), correction.Lines.Sum(l => l.Amount), Iso.Instant(correction.ComputedAt));
    }
}

/// <summary>A correction line: the difference of one price element, with the period it corrects and why. DKK excl. VAT.</summary>
public sealed record CorrectionLineResponse(string ContractId, string ItemId, string Description, decimal Quantity, decimal Amount, string VatCode, decimal VatPercent, string? Reason)
{
    public static CorrectionLineResponse From(InvoiceLineRecord line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.ContractId, line.ItemId, line.Description, line.Quantity, line.Amount, line.VatCode, line.VatPercent, line.Reason);
    }
}

/// <summary>What asking for a credit note gave: its number and total (DKK incl. VAT).</summary>
public sealed record CorrectionNoteResponse(string AccountId, string Number, decimal Total);

/// <summary>An account's pending corrections, and settling them on a credit (or debit) note.</summary>
internal static class CorrectionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Corrections");
        accounts.MapGet("/{accountId}/corrections", ListAsync)
            .WithName("ListPendingCorrections")
            .WithSummary("The account's pending corrections of invoiced months, computed when the changed data arrived")
            .Produces<IReadOnlyList<PendingCorrectionResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{accountId}/credit-notes", IssueAsync)
            .WithName("IssueCorrectionNote")
            .WithSummary("Settles the pending corrections now on a credit note (a debit note when the customer owes) referring to the corrected invoices")
            .WithDescription("Idempotent by the Idempotency-Key header (required): the same key again finds the same note. 409 when nothing is ready to settle.")
            .Produces<CorrectionNoteResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(string accountId, IGrainFactory grains)
    {
        var account = grains.GetGrain<ICustomerAccountGrain>(accountId);
        if (await account.GetAsync() is null)
        {
            return NotFound.Account(accountId);
        }

        return Results.Ok((await account.GetCorrectionsAsync()).Select(PendingCorrectionResponse.From).ToList());
    }

    private static async Task<IResult> IssueAsync(string accountId, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            var errors = new FieldErrors();
            errors.Add(RequestIds.Header, "A credit note is issued once per request: send an Idempotency-Key header.");
            return errors.Problem();
        }

        var account = grains.GetGrain<ICustomerAccountGrain>(accountId);
        if (await account.GetAsync() is null)
        {
            return NotFound.Account(accountId);
        }

        var result = await account.IssueCorrectionNoteAsync(idempotencyKey.Trim());
        return result.State == AccountSettleState.Settled
            ? Results.Ok(new CorrectionNoteResponse(accountId, result.InvoiceNumber!, result.Total!.Value))
            : Results.Problem(title: "Nothing to settle", detail: string.Join(" ", result.Reasons), statusCode: StatusCodes.Status409Conflict);
    }
}
