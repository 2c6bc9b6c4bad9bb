using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;
using BiO.Grains.Accounts;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace BiO.Gateway.Api;

/// <summary>Metering points: snapshot, supply, meter data, payer and RSM-015 re-requests.</summary>
internal static class MeteringPointEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var points = api.MapGroup("/metering-points").WithTags("Metering points");
        points.MapGet("/{gsrn}", GetAsync)
            .WithName("GetMeteringPoint")
            .WithSummary("A metering point now: master data, charge links in force, meter data versions")
            .Produces<MeteringPointResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        points.MapGet("/{gsrn}/supply", GetSupplyAsync)
            .WithName("GetSupply")
            .WithSummary("Our supply periods of a metering point, the requests waiting and those refused")
            .Produces<SupplyResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        points.MapGet("/{gsrn}/meter-data", GetMeterDataAsync)
            .WithName("GetMeterData")
            .WithSummary("The meter data of a month (month=2026-03) as known at an instant (knownAt, default now): coverage, what is missing, total")
            .Produces<MeterDataResponse>()
            .ProducesValidationProblem();
        points.MapPut("/{gsrn}/payer", AssignPayerAsync)
            .WithName("AssignPayer")
            .WithSummary("Sets the account that pays for a metering point from a day on")
            .WithDescription(RequestIds.Description)
            .Produces<PayerResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        points.MapGet("/{gsrn}/requests", ListRequestsAsync)
            .WithName("ListMeterDataRequests")
            .WithSummary("The RSM-015 re-requests of missing meter data for a metering point, newest first")
            .Produces<IReadOnlyList<MeterDataRequestResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GetAsync(string gsrn, IGrainFactory grains, IClock clock)
    {
        if (!TryGsrn(ref gsrn, out var invalid))
        {
            return invalid;
        }

        var snapshot = await grains.GetGrain<IMeteringPointGrain>(gsrn).GetSnapshotAsync(clock.GetCurrentInstant());
        return Results.Ok(MeteringPointResponse.From(snapshot));
    }

    private static async Task<IResult> GetSupplyAsync(string gsrn, IGrainFactory grains) =>
        TryGsrn(ref gsrn, out var invalid)
            ? Results.Ok(SupplyResponse.From(await grains.GetGrain<IMeteringPointGrain>(gsrn).GetSupplyAsync()))
            : invalid;

    private static async Task<IResult> GetMeterDataAsync(string gsrn, string? month, string? knownAt, IGrainFactory grains)
    {
        if (!TryGsrn(ref gsrn, out var invalid))
        {
            return invalid;
        }

        var errors = new FieldErrors();
        var period = errors.Month("month", month);
        Instant? at = null;
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (Iso.TryInstant(knownAt, out var instant))
            {
                at = instant;
            }
            else
            {
                errors.Add("knownAt", $"'knownAt' must be an ISO instant in UTC (e.g. 2026-04-02T00:00:00Z), not '{knownAt}'.");
            }
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var view = await grains.GetGrain<IMeteringPointGrain>(gsrn).GetMeterDataAsync(new MeterDataQuery(BillingPeriod.Of(period).Utc, at));
        return Results.Ok(MeterDataResponse.From(view));
    }

    private static async Task<IResult> AssignPayerAsync(string gsrn, PayerRequest body, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        if (!TryGsrn(ref gsrn, out var invalid))
        {
            return invalid;
        }

        var errors = new FieldErrors();
        var accountId = errors.Required("accountId", body.AccountId);
        var from = errors.Date("from", body.From);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var account = grains.GetGrain<ICustomerAccountGrain>(accountId);
        if (await account.GetAsync() is null)
        {
            return NotFound.Account(accountId);
        }

        var payer = new PayerAssignment(RequestIds.For(idempotencyKey, "payer/" + gsrn, body), gsrn, accountId, from);
        await grains.GetGrain<IMeteringPointGrain>(gsrn).AssignPayerAsync(payer);
        await account.PayForAsync(payer);
        return Results.Ok(new PayerResponse(gsrn, accountId, Iso.Date(from)));
    }

    private static async Task<IResult> ListRequestsAsync(string gsrn, IMeterDataRequests requests, CancellationToken cancellationToken)
    {
        if (!TryGsrn(ref gsrn, out var invalid))
        {
            return invalid;
        }

        var list = await requests.ForPointAsync(gsrn, cancellationToken);
        return Results.Ok(list.Select(MeterDataRequestResponse.From).ToList());
    }

    /// <summary>Normalises <paramref name="gsrn"/> to the grain key, or gives the 400 naming why it is no GSRN.</summary>
    private static bool TryGsrn(ref string gsrn, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        if (Gsrn.TryParse(gsrn, out var id, out var error))
        {
            gsrn = id.Value;
            problem = null;
            return true;
        }

        problem = Results.Problem(title: "Invalid GSRN", detail: error, statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
