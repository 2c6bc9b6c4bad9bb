using BiO.Domain.Accounts;
using BiO.Domain.MeteringPoints;
using BiO.Domain.Time;

namespace BiO.Domain.Invoicing;

/// <summary>
/// VAT of one rate on an account invoice (EN 16931 BR-CO-17): the category and percent, the taxable sum of the
/// invoice's lines at that rate, and the VAT, rate x taxable rounded to øre once, half away from zero.
/// </summary>
public sealed record VatTotal(string Category, decimal Percent, Money.Money Taxable, Money.Money Vat);

/// <summary>What an issued document is (EN 16931 type codes): the invoice of a period, or a note settling corrections.</summary>
public enum DocumentKind
{
    /// <summary>The account's invoice of a billing period (380).</summary>
    Invoice = 380,

    /// <summary>Corrections settled apart, crediting the customer (381).</summary>
    CreditNote = 381,

    /// <summary>Corrections settled apart, charging the customer (383).</summary>
    DebitNote = 383,
}

/// <summary>
/// ONE invoice of a customer account for a billing period: the lines of all its metering points and contracts (each
/// naming its contract and metering point), VAT per rate over all lines, and the totals. It gets its number when issued.
/// </summary>
public sealed record AccountInvoice
{
    private AccountInvoice(CustomerAccount account, BillingPeriod period, IReadOnlyList<AccountInvoiceLine> lines, IReadOnlyList<VatTotal> vat, InvoiceNumber? number, DocumentKind kind = DocumentKind.Invoice)
    {
        Kind = kind;
        Account = account;
        Period = period;
        Lines = lines;
        Vat = vat;
        Number = number;
        TotalExcludingVat = lines.Aggregate(Money.Money.Zero(), (sum, l) => sum + l.Amount);
        TotalVat = vat.Aggregate(Money.Money.Zero(), (sum, v) => sum + v.Vat);
    }

    public CustomerAccount Account { get; }

    /// <summary>An invoice of <see cref="Period"/>, or a credit or debit note of the corrections of the periods it spans.</summary>
    public DocumentKind Kind { get; }

    public BillingPeriod Period { get; }

    /// <summary>The lines, ordered by contract id (ordinal), then first day, then as given.</summary>
    public IReadOnlyList<AccountInvoiceLine> Lines { get; }

    /// <summary>VAT per rate, by category and percent.</summary>
    public IReadOnlyList<VatTotal> Vat { get; }

    /// <summary>The invoice number once issued; null while a draft.</summary>
    public InvoiceNumber? Number { get; }

    /// <summary>The sum of the lines.</summary>
    public Money.Money TotalExcludingVat { get; }

    /// <summary>The sum of the VAT per rate.</summary>
    public Money.Money TotalVat { get; }

    /// <summary>The lines plus VAT: what the account pays.</summary>
    public Money.Money Total => TotalExcludingVat + TotalVat;

    /// <summary>
    /// Puts the lines of an account and period on one invoice. VAT is computed per rate (category and percent) over all
    /// lines: rate x the sum of their amounts, rounded to øre once per rate, half away from zero.
    /// </summary>
    /// <exception cref="ArgumentException">There are no lines: an invoice with nothing on it is not an invoice.</exception>
    public static AccountInvoice Assemble(CustomerAccount account, BillingPeriod period, IEnumerable<AccountInvoiceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        var ordered = lines.OrderBy(l => l.ContractId, StringComparer.Ordinal).ThenBy(l => l.Days.Start).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException($"Account {account.AccountId} has no invoice lines for {period}: an invoice needs at least one line.", nameof(lines));
        }

        var vat = ordered
            .GroupBy(l => (l.Vat.Code, l.Vat.Percent))
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Percent)
            .Select(g =>
            {
                var taxable = g.Aggregate(Money.Money.Zero(), (sum, l) => sum + l.Amount);
                return new VatTotal(g.Key.Code, g.Key.Percent, taxable, Money.Money.RoundedFrom(taxable.Amount * g.Key.Percent / 100m, taxable.Currency));
            })
            .ToList();
        return new AccountInvoice(account, period, ordered, vat, null);
    }

    /// <summary>
    /// A note settling correction lines apart from an invoice (the account has nothing else due, or asks for it): a
    /// credit note when the total is negative, a debit note otherwise. Its period spans the periods it corrects.
    /// </summary>
    /// <exception cref="ArgumentException">No lines, or a line that corrects no period.</exception>
    public static AccountInvoice CorrectionNote(CustomerAccount account, IEnumerable<AccountInvoiceLine> corrections)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        var lines = corrections.ToList();
        if (lines.Count == 0 || lines.Any(l => l.Corrects is null))
        {
            throw new ArgumentException($"A correction note of account {account?.AccountId} needs correction lines, each naming the period it corrects.", nameof(corrections));
        }

        var span = new BillingPeriod(new NodaTime.DateInterval(lines.Min(l => l.Corrects!.Start), lines.Max(l => l.Corrects!.End)));
        var note = Assemble(account!, span, lines);
        return new AccountInvoice(note.Account, note.Period, note.Lines, note.Vat, null, note.Total.Amount < 0m ? DocumentKind.CreditNote : DocumentKind.DebitNote);
    }

    /// <summary>
    /// Like <see cref="Assemble(CustomerAccount, BillingPeriod, IEnumerable{AccountInvoiceLine})"/>, after checking every
    /// line against what is due for the account (<see cref="ContractRegister.DueFor"/>): its contract is due and paid by
    /// this account, its metering point is the contract's, and its days lie within a due part of that contract.
    /// </summary>
    /// <exception cref="ArgumentException">A due part is paid by another account, or a line is not due; the message names it.</exception>
    public static AccountInvoice Assemble(CustomerAccount account, BillingPeriod period, IReadOnlyList<ContractCoverage> due, IEnumerable<AccountInvoiceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(lines);
        var foreign = due.FirstOrDefault(c => c.PayingAccountId != account.AccountId);
        if (foreign is not null)
        {
            throw new ArgumentException($"Contract {foreign.Contract} is paid by account {foreign.PayingAccountId}, not by account {account.AccountId}.", nameof(due));
        }

        var list = lines.ToList();
        foreach (var line in list)
        {
            var parts = due.Where(c => c.Contract.ContractId == line.ContractId).ToList();
            var where = $"Invoice line {line.ItemId} of contract {line.ContractId} ({line.Days.Start:uuuu-MM-dd}..{line.Days.End:uuuu-MM-dd})";
            if (parts.Count == 0)
            {
                throw new ArgumentException($"{where}: the contract is not due for account {account.AccountId} in {period}.", nameof(lines));
            }

            if (parts[0].Contract.MeteringPoint != line.MeteringPoint)
            {
                throw new ArgumentException($"{where} names metering point {line.MeteringPoint?.ToString() ?? "none"}; the contract's is {parts[0].Contract.MeteringPoint?.ToString() ?? "none"}.", nameof(lines));
            }

            if (!parts.Any(c => c.Days.Contains(line.Days.Start) && c.Days.Contains(line.Days.End)))
            {
                throw new ArgumentException($"{where} is outside the days due for account {account.AccountId}: {string.Join(", ", parts.Select(c => $"{c.Days.Start:uuuu-MM-dd}..{c.Days.End:uuuu-MM-dd}"))}.", nameof(lines));
            }
        }

        return Assemble(account, period, list);
    }

    /// <summary>The invoice issued under <paramref name="number"/>; the same number again changes nothing.</summary>
    /// <exception cref="ArgumentException">The number is of another series than the account's.</exception>
    /// <exception cref="InvalidOperationException">The invoice already has another number.</exception>
    public AccountInvoice Numbered(InvoiceNumber number)
    {
        if (number.Series != Account.InvoiceSeries)
        {
            throw new ArgumentException($"Invoice of account {Account.AccountId} for {Period} takes numbers of series {Account.InvoiceSeries}, got {number}.", nameof(number));
        }

        return Number switch
        {
            null => new AccountInvoice(Account, Period, Lines, Vat, number, Kind),
            { } same when same == number => this,
            { } other => throw new InvalidOperationException($"Invoice of account {Account.AccountId} for {Period} is already number {other}; it cannot become {number}."),
        };
    }

    /// <summary>The lines of one contract.</summary>
    public IReadOnlyList<AccountInvoiceLine> LinesOf(string contractId) => Lines.Where(l => l.ContractId == contractId).ToList();

    /// <summary>The lines of one metering point.</summary>
    public IReadOnlyList<AccountInvoiceLine> LinesOf(Gsrn meteringPoint) => Lines.Where(l => l.MeteringPoint == meteringPoint).ToList();
}
