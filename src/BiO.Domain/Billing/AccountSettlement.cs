using BiO.Domain.Accounts;
using BiO.Domain.Invoicing;
using BiO.Domain.Time;

namespace BiO.Domain.Billing;

/// <summary>Where one part of an account's month stands (a metering point it pays for).</summary>
public enum PartState
{
    NotDue = 0,
    Ready = 1,
    Waiting = 2,
    Failed = 3,
}

/// <summary>A settled part of an account's month: its state, what it lacks, and its lines when ready.</summary>
public sealed record SettledPart(PartState State, IReadOnlyList<string> Reasons, IReadOnlyList<AccountInvoiceLine> Lines);

/// <summary>What an account's month comes to: an invoice, or waiting or failed with every reason, or nothing due.</summary>
public sealed record AccountSettlement(PartState State, IReadOnlyList<string> Reasons, AccountInvoice? Invoice)
{
    /// <summary>
    /// One invoice from every part the account pays for and its non-metered products, only when all are ready: any
    /// failed part fails the account (our own master data needs a correction), any waiting part makes it wait (with
    /// every reason), and a product priced per unit waits for its quantity. A product priced per unit with a quantity
    /// registered for the period's month (<paramref name="quantities"/>; the period must be that whole month) gets one
    /// line: quantity x unit price, rounded to øre once, not prorated when the contract covers part of the month (the
    /// quantity is what was delivered); a quantity of zero gives no line. Quantities of other contracts or months are
    /// not used. Pending corrections of earlier periods go on the invoice; when nothing else is due (e.g. the account is
    /// closed) they make a correction note of their own. No lines at all: nothing is due.
    /// </summary>
    public static AccountSettlement Decide(
        CustomerAccount account, BillingPeriod period, IReadOnlyList<SettledPart> points, IReadOnlyList<ContractCoverage> products,
        IReadOnlyList<AccountInvoiceLine>? corrections = null, IReadOnlyList<RegisteredQuantity>? quantities = null)
    {
        corrections ??= [];
        quantities ??= [];
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(products);
        var failed = points.Where(p => p.State == PartState.Failed).SelectMany(p => p.Reasons).ToList();
        if (failed.Count > 0)
        {
            return new AccountSettlement(PartState.Failed, failed, null);
        }

        var month = period.Dates.Start.ToYearMonth();
        var ofMonth = BillingPeriod.Of(month) == period
            ? quantities.Where(q => q.Month == month).GroupBy(q => q.ContractId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Quantity, StringComparer.Ordinal)
            : [];
        var unpriced = products.Where(p => p.Contract.Price is PricePerUnit && !ofMonth.ContainsKey(p.Contract.ContractId))
            .Select(p => $"Contract {p.Contract}: no quantity registered for {month:uuuu-MM}.");
        var waiting = points.Where(p => p.State == PartState.Waiting).SelectMany(p => p.Reasons).Concat(unpriced).ToList();
        if (waiting.Count > 0)
        {
            return new AccountSettlement(PartState.Waiting, waiting, null);
        }

        var productLines = products
            .Where(p => p.Contract.Price is not PricePerUnit || ofMonth[p.Contract.ContractId].Value != 0m)
            .Select(p => AccountInvoiceLine.ForProduct(p, account.Vat, p.Contract.Price is PricePerUnit ? ofMonth[p.Contract.ContractId] : null));
        var lines = points.SelectMany(p => p.Lines).Concat(productLines).ToList();
        return (lines.Count, corrections.Count) switch
        {
            (0, 0) => new AccountSettlement(PartState.NotDue, [], null),
            (0, _) => new AccountSettlement(PartState.Ready, [], AccountInvoice.CorrectionNote(account, corrections)),
            _ => new AccountSettlement(PartState.Ready, [], AccountInvoice.Assemble(account, period, lines.Concat(corrections))),
        };
    }
}
