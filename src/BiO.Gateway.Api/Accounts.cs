using System.ComponentModel;
using BiO.Domain.Accounts;
using BiO.Grains.Accounts;

namespace BiO.Gateway.Api;

/// <summary>The body of PUT /api/accounts/{accountId}.</summary>
public sealed record AccountRequest(
    [property: Description("The customer's name, as on the invoice.")] string? Name,
    [property: Description("The invoice series the account's invoices are numbered in (gapless per series).")] string? InvoiceSeries)
{
    /// <summary>The definition to send, or null with <paramref name="errors"/> naming the fields.</summary>
    public AccountDefinition? ToDefinition(string requestId, string accountId, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = errors.Required("name", Name);
        var series = errors.Required("invoiceSeries", InvoiceSeries);
        return errors.Any ? null : new AccountDefinition(requestId, accountId, name, series);
    }
}

/// <summary>A customer account: its contracts and the metering points it pays for.</summary>
public sealed record AccountResponse(
    string AccountId,
    string Name,
    string InvoiceSeries,
    IReadOnlyList<ContractResponse> Contracts,
    [property: Description("GSRNs of the metering points this account pays for.")] IReadOnlyList<string> PaysFor)
{
    public static AccountResponse From(AccountView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.AccountId, view.Name, view.InvoiceSeries, view.Contracts.Select(ContractResponse.From).ToList(), view.PaysFor);
    }
}

/// <summary>The body of PUT /api/contracts/{contractId}.</summary>
public sealed record ContractRequest(
    [property: Description("The account the contract belongs to.")] string? AccountId,
    [property: Description("The product sold (for electricity: the supplier price list's product code).")] string? ProductCode,
    [property: Description("Electricity, Telephony, Broadband, Tv or Consultancy.")] string? Kind,
    [property: Description("First day, ISO date (2026-03-01).")] string? Start,
    [property: Description("End day (exclusive), ISO date; absent while open.")] string? End = null,
    [property: Description("GSRN of the metering point (electricity).")] string? MeteringPoint = null,
    [property: Description("Pins the price list version effective from this ISO date; absent: follow the price list.")] string? PriceListVersion = null,
    [property: Description("DKK per month, for a fixed-fee product.")] decimal? MonthlyFee = null,
    [property: Description("DKK per unit, for a product priced per unit.")] decimal? UnitPrice = null,
    [property: Description("The unit priced, e.g. hour.")] string? Unit = null)
{
    /// <summary>The definition to send, or null with <paramref name="errors"/> naming the fields.</summary>
    public ContractDefinition? ToDefinition(string requestId, string contractId, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var accountId = errors.Required("accountId", AccountId);
        var productCode = errors.Required("productCode", ProductCode);
        var kindText = errors.Required("kind", Kind);
        ProductKind kind = default;
        if (kindText.Length > 0 && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || char.IsDigit(kindText[0])))
        {
            errors.Add("kind", $"'kind' must be one of {string.Join(", ", Enum.GetNames<ProductKind>())}, not '{kindText}'.");
        }

        var start = errors.Date("start", Start);
        var end = errors.OptionalDate("end", End);
        var version = errors.OptionalDate("priceListVersion", PriceListVersion);
        var point = string.IsNullOrWhiteSpace(MeteringPoint) ? null : MeteringPoint.Trim();
        if (point is not null && !BiO.Domain.MeteringPoints.Gsrn.TryParse(point, out _, out var gsrnError))
        {
            errors.Add("meteringPoint", $"'meteringPoint': {gsrnError}");
        }

        if (errors.Any)
        {
            return null;
        }

        return new ContractDefinition(requestId, contractId, accountId, productCode, kind.ToString(), start, end, point, version,
            MonthlyFee, UnitPrice, string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim());
    }
}

/// <summary>A contract as kept.</summary>
public sealed record ContractResponse(
    string ContractId,
    string AccountId,
    string ProductCode,
    string Kind,
    [property: Description("ISO date.")] string Start,
    [property: Description("ISO date (exclusive), null while open.")] string? End,
    string? MeteringPoint,
    [property: Description("ISO date of the pinned price list version, if any.")] string? PriceListVersion,
    decimal? MonthlyFee,
    decimal? UnitPrice,
    string? Unit)
{
    public static ContractResponse From(ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract.ContractId, contract.AccountId, contract.ProductCode, contract.Kind, Iso.Date(contract.Start), Iso.Date(contract.End),
            contract.MeteringPoint, Iso.Date(contract.PriceListVersion), contract.MonthlyFee, contract.UnitPrice, contract.Unit);
    }
}

/// <summary>The body of PUT /api/metering-points/{gsrn}/payer.</summary>
public sealed record PayerRequest(
    [property: Description("The account that pays for the metering point.")] string? AccountId,
    [property: Description("From this day on, ISO date.")] string? From);

/// <summary>A payer as assigned.</summary>
public sealed record PayerResponse(string MeteringPoint, string AccountId, [property: Description("ISO date.")] string From);
