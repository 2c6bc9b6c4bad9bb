using BiO.Domain.Accounts;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.Invoicing;

/// <summary>
/// A line of an account's invoice: which contract (and metering point, for electricity) it belongs to, the item (a
/// price element id or a product code), the local days it covers, its quantity and its amount in øre, and its VAT rate.
/// </summary>
public sealed record AccountInvoiceLine
{
    /// <exception cref="ArgumentException">The contract id, item id or description is blank.</exception>
    public AccountInvoiceLine(string contractId, Gsrn? meteringPoint, string itemId, string description, DateInterval days, Quantity quantity, Money.Money amount, VatRate vat)
    {
        if (string.IsNullOrWhiteSpace(contractId))
        {
            throw new ArgumentException($"Invoice line '{description}' ({itemId}) needs the contract it belongs to, got nothing.", nameof(contractId));
        }

        if (string.IsNullOrWhiteSpace(itemId))
        {
            throw new ArgumentException($"An invoice line of contract {contractId} needs an item id, got nothing.", nameof(itemId));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException($"Invoice line {itemId} of contract {contractId} needs a description, got nothing.", nameof(description));
        }

        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(vat);
        ContractId = contractId;
        MeteringPoint = meteringPoint;
        ItemId = itemId;
        Description = description;
        Days = days;
        Quantity = quantity;
        Amount = amount;
        Vat = vat;
    }

    public string ContractId { get; }

    /// <summary>The metering point of an electricity line; null for non-metered products.</summary>
    public Gsrn? MeteringPoint { get; }

    /// <summary>The price element id (electricity) or the product code (non-metered).</summary>
    public string ItemId { get; }

    public string Description { get; }

    /// <summary>The local days the line covers, both ends included.</summary>
    public DateInterval Days { get; }

    /// <summary>kWh for energy and tariffs, factor-days for subscriptions and fixed fees, units (e.g. hours) otherwise.</summary>
    public Quantity Quantity { get; }

    /// <summary>The amount excluding VAT, in øre.</summary>
    public Money.Money Amount { get; }

    public VatRate Vat { get; }

    /// <summary>The billing period a correction line corrects; null for a line of the invoice's own period.</summary>
    public DateInterval? Corrects { get; init; }

    /// <summary>Why a correction line exists, e.g. "new meter data received 2026-04-03"; null for other lines.</summary>
    public string? Reason { get; init; }

    /// <summary>The grid area of the line's metering point in the period (for reconciling with DataHub); null otherwise.</summary>
    public string? GridArea { get; init; }

    /// <summary>The settlement basis: the newest meter data version (received instant) the amount was computed from.</summary>
    public Instant? DataVersion { get; init; }

    /// <summary>The settlement basis: the newest price version (received instant) the amount was computed from.</summary>
    public Instant? PriceVersion { get; init; }

    /// <summary>
    /// The lines of an electricity settlement's draft for a covered part of its contract: one per price element, each
    /// naming the contract and metering point. VAT is not taken from the draft: the account invoice computes it per rate
    /// over all its lines.
    /// </summary>
    /// <exception cref="ArgumentException">The contract has no metering point.</exception>
    public static IReadOnlyList<AccountInvoiceLine> FromDraft(ContractCoverage coverage, InvoiceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(draft);
        var contract = coverage.Contract;
        if (contract.MeteringPoint is not { } point)
        {
            throw new ArgumentException($"Contract {contract} of account {contract.AccountId} has no metering point; its lines come from {nameof(ForProduct)}.", nameof(coverage));
        }

        return draft.Lines
            .Select(l => new AccountInvoiceLine(contract.ContractId, point, l.ElementId, l.Description, coverage.Days, l.Quantity, l.Amount, l.Vat)
            {
                DataVersion = l.DataVersion,
                PriceVersion = l.PriceVersion,
            })
            .ToList();
    }

    /// <summary>
    /// The line of a non-metered product for a covered part of its contract, at the VAT rate of its first day. A fixed
    /// monthly fee is prorated per day like a subscription: the days of each month x round(monthly / days in that month,
    /// 6), rounded to øre once; a price per unit is <paramref name="quantity"/> x price, rounded to øre.
    /// </summary>
    /// <exception cref="ArgumentException">An electricity contract, a quantity for a fixed fee, or none for a price per unit.</exception>
    public static AccountInvoiceLine ForProduct(ContractCoverage coverage, VatSchedule vat, Quantity? quantity = null)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(vat);
        var contract = coverage.Contract;
        var where = $"Contract {contract} of account {contract.AccountId}";
        var rate = vat.On(coverage.Days.Start);
        switch (contract.Price)
        {
            case FixedMonthlyFee fee when quantity is null:
                var amount = Money.Amount.Zero;
                foreach (var month in coverage.Days.GroupBy(d => d.ToYearMonth()))
                {
                    var daily = UnitPrice.RoundedFrom(fee.Monthly.Value / CalendarSystem.Iso.GetDaysInMonth(month.Key.Year, month.Key.Month));
                    amount += Money.Amount.Of(daily, month.Count());
                }

                return new AccountInvoiceLine(contract.ContractId, null, contract.ProductCode, $"{contract.ProductCode} ({contract.Kind}), {fee.Monthly} per month",
                    coverage.Days, new Quantity(coverage.Days.Length), Money.Money.FromAmount(amount), rate);
            case FixedMonthlyFee:
                throw new ArgumentException($"{where} has a fixed monthly fee: it takes no quantity, got {quantity}.", nameof(quantity));
            case PricePerUnit perUnit when quantity is { } units:
                return new AccountInvoiceLine(contract.ContractId, null, contract.ProductCode, $"{contract.ProductCode} ({contract.Kind}), {perUnit.Price} per {perUnit.Unit}",
                    coverage.Days, units, Money.Money.FromAmount(Money.Amount.Of(units, perUnit.Price)), rate);
            case PricePerUnit perUnit:
                throw new ArgumentException($"{where} is priced per {perUnit.Unit}: it needs the quantity of {coverage.Days.Start:uuuu-MM-dd}..{coverage.Days.End:uuuu-MM-dd}.", nameof(quantity));
            default:
                throw new ArgumentException($"{where} is electricity: its lines come from its settlement ({nameof(FromDraft)}).", nameof(coverage));
        }
    }
}
