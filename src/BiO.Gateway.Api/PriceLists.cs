using System.ComponentModel;
using BiO.Grains.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BiO.Gateway.Api;

/// <summary>The body of PUT /api/price-lists/{productCode}: every version of the product's price list.</summary>
public sealed record PriceListRequest(IReadOnlyList<PriceListVersionRequest?>? Versions);

/// <summary>A price list version, effective from a day.</summary>
public sealed record PriceListVersionRequest(
    [property: Description("ISO date the version is effective from.")] string? EffectiveFrom,
    [property: Description("DKK per kWh outside every window, at most 6 decimals.")] decimal? Markup,
    [property: Description("DKK per month.")] decimal? MonthlySubscription,
    [property: Description("Time-of-use windows; the first matching one wins.")] IReadOnlyList<TimeOfUseRequest?>? Windows = null);

/// <summary>A time-of-use window: in the given months, local time [from, to), a markup.</summary>
public sealed record TimeOfUseRequest(
    string? Name,
    [property: Description("Months 1..12 the window applies in.")] IReadOnlyList<int>? Months,
    [property: Description("Local time HH:mm.")] string? From,
    [property: Description("Local time HH:mm (exclusive); 24:00 or 00:00 is the end of the day.")] string? To,
    [property: Description("DKK per kWh in the window.")] decimal? Price);

/// <summary>A price list as kept and when it last changed.</summary>
public sealed record PriceListResponse(string ProductCode, IReadOnlyList<PriceListVersionResponse> Versions, [property: Description("ISO instant (UTC).")] string ChangedAt)
{
    public static PriceListResponse From(PriceListView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Definition.ProductCode,
            view.Definition.Versions.Select(v => new PriceListVersionResponse(Iso.Date(v.EffectiveFrom), v.Markup, v.MonthlySubscription,
                v.Windows.Select(w => new TimeOfUseResponse(w.Name, w.Months, Iso.Time(w.From), Iso.Time(w.To), w.Price)).ToList())).ToList(),
            Iso.Instant(view.ChangedAt));
    }
}

/// <summary>A price list version as kept.</summary>
public sealed record PriceListVersionResponse(string EffectiveFrom, decimal Markup, decimal MonthlySubscription, IReadOnlyList<TimeOfUseResponse> Windows);

/// <summary>A time-of-use window as kept (to "00:00": the end of the day).</summary>
public sealed record TimeOfUseResponse(string Name, IReadOnlyList<int> Months, string From, string To, decimal Price);

/// <summary>Supplier price lists.</summary>
internal static class PriceListEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/price-lists").WithTags("Price lists");
        lists.MapPut("/{productCode}", DefineAsync)
            .WithName("DefinePriceList")
            .WithSummary("Sets a product's supplier price list: all its versions, with markup, monthly subscription and time-of-use windows")
            .WithDescription(RequestIds.Description)
            .Produces<PriceListResponse>()
            .ProducesValidationProblem();
        lists.MapGet("/{productCode}", GetAsync)
            .WithName("GetPriceList")
            .WithSummary("A product's supplier price list")
            .Produces<PriceListResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DefineAsync(string productCode, PriceListRequest body, [FromHeader(Name = RequestIds.Header)] string? idempotencyKey, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var versions = new List<PriceListVersionDefinition>();
        if (body.Versions is not { Count: > 0 })
        {
            errors.Add("versions", "'versions' needs at least one version.");
        }

        for (var i = 0; i < (body.Versions?.Count ?? 0); i++)
        {
            var at = $"versions[{i}]";
            if (body.Versions![i] is not { } version)
            {
                errors.Add(at, $"'{at}' is missing.");
                continue;
            }

            var from = errors.Date(at + ".effectiveFrom", version.EffectiveFrom);
            var markup = errors.Number(at + ".markup", version.Markup);
            var subscription = errors.Number(at + ".monthlySubscription", version.MonthlySubscription);
            var windows = new List<TimeOfUseDefinition>();
            for (var w = 0; w < (version.Windows?.Count ?? 0); w++)
            {
                var wat = $"{at}.windows[{w}]";
                if (version.Windows![w] is not { } window)
                {
                    errors.Add(wat, $"'{wat}' is missing.");
                    continue;
                }

                var name = errors.Required(wat + ".name", window.Name);
                if (window.Months is not { Count: > 0 })
                {
                    errors.Add(wat + ".months", $"'{wat}.months' needs at least one month (1..12).");
                }

                windows.Add(new TimeOfUseDefinition(name, window.Months ?? [], errors.Time(wat + ".from", window.From), errors.Time(wat + ".to", window.To),
                    errors.Number(wat + ".price", window.Price)));
            }

            versions.Add(new PriceListVersionDefinition(from, markup, subscription, windows));
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var definition = new PriceListDefinition(RequestIds.For(idempotencyKey, "price-list/" + productCode, body), productCode, versions);
        return Results.Ok(PriceListResponse.From(await grains.GetGrain<IPriceListGrain>(productCode).DefineAsync(definition)));
    }

    private static async Task<IResult> GetAsync(string productCode, IGrainFactory grains) =>
        await grains.GetGrain<IPriceListGrain>(productCode).GetAsync() is { } view
            ? Results.Ok(PriceListResponse.From(view))
            : NotFound.Problem("Unknown price list", $"No price list for product '{productCode}' is defined.");
}
