namespace BiO.Grains.Accounts;

/// <summary>A customer account ("kundekonto"), keyed by account id: the invoice recipient, holding its contracts.</summary>
[Alias("BiO.ICustomerAccountGrain")]
public interface ICustomerAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates or renames the account; the same request id again changes nothing.</summary>
    [Alias("Define")]
    Task<AccountView> DefineAsync(AccountDefinition definition);

    /// <summary>The account, or null when it was never defined.</summary>
    [Alias("Get")]
    Task<AccountView?> GetAsync();

    /// <summary>Keeps a contract of this account (called by the contract grain, which checks it).</summary>
    [Alias("AttachContract")]
    Task AttachContractAsync(ContractDefinition contract);

    /// <summary>Notes that this account pays for a metering point (called when a payer is assigned).</summary>
    [Alias("PayFor")]
    Task PayForAsync(PayerAssignment payer);

    /// <summary>Settles the month: one invoice with the lines of every contract part it pays for, when all are ready.</summary>
    [Alias("Settle")]
    Task<AccountSettleResult> SettleAsync(AccountSettleRequest request);

    /// <summary>The account's pending corrections of invoiced months, per metering point and month.</summary>
    [Alias("GetCorrections")]
    Task<IReadOnlyList<BiO.Grains.MeteringPoints.PendingCorrection>> GetCorrectionsAsync();

    /// <summary>
    /// Settles the pending corrections now on a credit note (or a debit note when the customer owes) that refers to the
    /// invoices corrected, instead of the next invoice. The same request id again finds the same note.
    /// </summary>
    [Alias("IssueCorrectionNote")]
    Task<AccountSettleResult> IssueCorrectionNoteAsync(string requestId);

    /// <summary>
    /// Registers the quantity of one of its contracts priced per unit for a month (called by the contract grain). The
    /// account keeps the quantities because it invoices them: a month's quantity can be replaced only until the month
    /// is invoiced. Refused (<see cref="ArgumentException"/>) for an unknown contract, a contract not priced per unit, a
    /// month it does not cover, a negative quantity or more than 3 decimals.
    /// </summary>
    [Alias("RegisterQuantity")]
    Task<QuantityRegistrationResult> RegisterQuantityAsync(QuantityRequest request);

    /// <summary>The quantity of each month registered for a contract of the account, by month.</summary>
    [Alias("GetQuantities")]
    Task<IReadOnlyList<RegisteredQuantityRecord>> GetQuantitiesAsync(string contractId);
}

/// <summary>A contract, keyed by contract id: binds a product (and price list version) to an account and, for electricity, a metering point.</summary>
[Alias("BiO.IContractGrain")]
public interface IContractGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the contract (e.g. sets its end); refused, naming why, when the domain's rules are broken.</summary>
    [Alias("Define")]
    Task<ContractDefinition> DefineAsync(ContractDefinition definition);

    [Alias("Get")]
    Task<ContractDefinition?> GetAsync();

    /// <summary>
    /// Registers the quantity delivered in a month (a contract priced per unit, e.g. consultancy hours); the same
    /// request id again changes nothing. Kept by the contract's account, which invoices it.
    /// </summary>
    /// <exception cref="ArgumentException">The contract does not exist, or the domain's rules are broken (the message says which).</exception>
    [Alias("RegisterQuantity")]
    Task<QuantityRegistrationResult> RegisterQuantityAsync(QuantityRequest request);

    /// <summary>The quantity of each month registered for the contract, by month (none for an unknown contract).</summary>
    [Alias("GetQuantities")]
    Task<IReadOnlyList<RegisteredQuantityRecord>> GetQuantitiesAsync();
}

/// <summary>A supplier price list of one product, keyed by product code.</summary>
[Alias("BiO.IPriceListGrain")]
public interface IPriceListGrain : IGrainWithStringKey
{
    [Alias("Define")]
    Task<PriceListView> DefineAsync(PriceListDefinition definition);

    [Alias("Get")]
    Task<PriceListView?> GetAsync();
}

/// <summary>Every account id (key <see cref="AccountDirectory.Key"/>): what a bill run goes through.</summary>
[Alias("BiO.IAccountDirectoryGrain")]
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string accountId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}

/// <summary>The one account directory.</summary>
public static class AccountDirectory
{
    public const string Key = "accounts";
}
