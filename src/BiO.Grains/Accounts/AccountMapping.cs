using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.Invoicing;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Money;
using BiO.Domain.Prices;
using BiO.Grains.MeteringPoints;

namespace BiO.Grains.Accounts;

/// <summary>Wire records of accounts, contracts, payers, price lists and invoice lines to the domain and back.</summary>
internal static class AccountMapping
{
    /// <exception cref="ArgumentException">The domain's rules are broken; the message says what and where.</exception>
    public static Contract ToDomain(ContractDefinition c)
    {
        if (!Enum.TryParse<ProductKind>(c.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Contract {c.ContractId}: kind '{c.Kind}' is not one of {string.Join(", ", Enum.GetNames<ProductKind>())}.", nameof(c));
        }

        NonMeteredPrice? price = (c.MonthlyFee, c.UnitPrice) switch
        {
            ({ } fee, null) => new FixedMonthlyFee(new UnitPrice(fee)),
            (null, { } unit) => new PricePerUnit(new UnitPrice(unit), c.Unit ?? "unit"),
            (null, null) => null,
            _ => throw new ArgumentException($"Contract {c.ContractId}: give a monthly fee or a unit price, not both.", nameof(c)),
        };
        return new Contract(c.ContractId, c.AccountId, c.ProductCode, kind, c.Start, c.End,
            c.MeteringPoint is { } gsrn ? Gsrn.Parse(gsrn) : null, c.PriceListVersion, price);
    }

    public static CustomerAccount ToDomain(AccountDefinition a) => new(a.AccountId, a.Name, a.InvoiceSeries);

    public static Payer ToDomain(PayerAssignment p) => new(Gsrn.Parse(p.MeteringPoint), p.AccountId, p.From);

    /// <exception cref="ArgumentException">The domain's rules are broken; the message says what and where.</exception>
    public static SupplierPriceList ToDomain(PriceListDefinition p) =>
        new(p.ProductCode, p.Versions.Select(v => new PriceListVersion(
            v.EffectiveFrom, new UnitPrice(v.Markup), new UnitPrice(v.MonthlySubscription),
            v.Windows.Select(w => new TimeOfUseWindow(w.Name, w.Months.ToHashSet(), w.From, w.To, new UnitPrice(w.Price))).ToList())));

    public static RegisteredQuantity ToDomain(RegisteredQuantityRecord q) => new(q.ContractId, q.Month, new Quantity(q.Quantity), q.RequestId);

    public static QuantityRegistrationState ToWire(QuantityOutcome outcome) => outcome switch
    {
        QuantityOutcome.Registered => QuantityRegistrationState.Registered,
        QuantityOutcome.Replaced => QuantityRegistrationState.Replaced,
        QuantityOutcome.Unchanged => QuantityRegistrationState.Unchanged,
        _ => QuantityRegistrationState.Conflict,
    };

    public static PartState ToDomain(AccountSettleState state) => state switch
    {
        AccountSettleState.NotDue => PartState.NotDue,
        AccountSettleState.Settled => PartState.Ready,
        AccountSettleState.Waiting => PartState.Waiting,
        _ => PartState.Failed,
    };

    public static AccountSettleState ToWire(PartState state) => state switch
    {
        PartState.NotDue => AccountSettleState.NotDue,
        PartState.Ready => AccountSettleState.Settled,
        PartState.Waiting => AccountSettleState.Waiting,
        _ => AccountSettleState.Failed,
    };

    public static InvoiceLineRecord ToWire(AccountInvoiceLine l) =>
        new(l.ContractId, l.MeteringPoint?.Value, l.ItemId, l.Description, l.Days.Start, l.Days.End,
            l.Quantity.Value, l.Amount.Amount, l.Vat.Code, l.Vat.Percent, l.Vat.EffectiveFrom, l.Corrects, l.Reason, l.DataVersion, l.PriceVersion, l.GridArea);

    public static AccountInvoiceLine ToDomain(InvoiceLineRecord l) =>
        new(l.ContractId, l.MeteringPoint is { } gsrn ? Gsrn.Parse(gsrn) : null, l.ItemId, l.Description,
            new NodaTime.DateInterval(l.FirstDay, l.LastDay), new Quantity(l.Quantity), new Money(l.Amount),
            new VatRate(l.VatCode, l.VatPercent, l.VatFrom))
        {
            Corrects = l.Corrects,
            Reason = l.Reason,
            DataVersion = l.DataVersion,
            PriceVersion = l.PriceVersion,
            GridArea = l.GridArea,
        };
}
