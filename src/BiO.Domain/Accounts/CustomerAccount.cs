using BiO.Domain.Invoicing;
using BiO.Domain.Money;

namespace BiO.Domain.Accounts;

/// <summary>How often an account is invoiced. Only monthly today: one invoice per local calendar month.</summary>
public enum BillingFrequency
{
    /// <summary>One invoice per calendar month in Europe/Copenhagen.</summary>
    Monthly = 1,
}

/// <summary>
/// A customer account ("kundekonto"): the recipient of one invoice per billing period, with the invoice series its
/// numbers come from, how often it is billed and the VAT schedule of its invoices (Danish standard unless chosen).
/// </summary>
public sealed record CustomerAccount
{
    /// <exception cref="ArgumentException">The id or name is blank, the series is malformed or the frequency unknown.</exception>
    public CustomerAccount(string accountId, string name, string invoiceSeries, BillingFrequency frequency = BillingFrequency.Monthly, VatSchedule? vat = null)
    {
        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new ArgumentException("A customer account needs an id, got nothing.", nameof(accountId));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Customer account {accountId} needs a name, got nothing.", nameof(name));
        }

        if (!InvoiceNumber.IsValidSeries(invoiceSeries, out var error))
        {
            throw new ArgumentException($"Customer account {accountId}: {error}", nameof(invoiceSeries));
        }

        if (!Enum.IsDefined(frequency))
        {
            throw new ArgumentException($"Customer account {accountId}: billing frequency {(int)frequency} is not known (only monthly).", nameof(frequency));
        }

        AccountId = accountId;
        Name = name;
        InvoiceSeries = invoiceSeries;
        Frequency = frequency;
        Vat = vat ?? VatSchedule.DanishStandard;
    }

    public string AccountId { get; }

    /// <summary>The name the invoice is addressed to.</summary>
    public string Name { get; }

    /// <summary>The series its invoice numbers are taken from, e.g. "BIO-2026".</summary>
    public string InvoiceSeries { get; }

    public BillingFrequency Frequency { get; }

    /// <summary>The VAT rates of its invoices: the chosen schedule, or <see cref="VatSchedule.DanishStandard"/>.</summary>
    public VatSchedule Vat { get; }
}
