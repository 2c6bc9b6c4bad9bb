using System.Text.Json;
using BiO.Domain.Accounts;
using BiO.Domain.Billing;
using BiO.Domain.Invoicing;
using BiO.Domain.Time;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Invoicing;
using NodaTime;

namespace BiO.Grains.Accounts;

/// <summary>The persisted state of a customer account. Field ids are the stored format: never renumber.</summary>
[GenerateSerializer, Alias("BiO.CustomerAccountState")]
public sealed class CustomerAccountState
{
    [Id(0)] public AccountDefinition? Definition { get; set; }

    /// <summary>The account's contracts by id, as last defined.</summary>
    [Id(1)] public Dictionary<string, ContractDefinition> Contracts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Metering points this account pays for (its own, or other accounts' points it was made payer of).</summary>
    [Id(2)] public SortedSet<string> PaysFor { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public HashSet<string> Requests { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A customer account: the invoice recipient. Settling a month asks each metering point it pays for to settle the
/// account's part, adds its non-metered products, and issues one invoice (numbered without gaps by the invoice store)
/// only when every part is ready. Issuing is idempotent per account and month.
/// </summary>
public sealed class CustomerAccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<CustomerAccountState> state,
    IInvoiceStore invoices,
    IClock clock)
    : Grain, ICustomerAccountGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    async Task<AccountView> ICustomerAccountGrain.DefineAsync(AccountDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.AccountId != AccountId)
        {
            throw new ArgumentException($"Account {definition.AccountId} cannot be kept as {AccountId}.", nameof(definition));
        }

        if (!state.State.Requests.Contains(definition.RequestId))
        {
            _ = AccountMapping.ToDomain(definition); // the domain's checks, naming what is wrong
            if (state.State.Definition is { } current && current.InvoiceSeries != definition.InvoiceSeries && (await invoices.ListByAccountAsync(AccountId)).Count > 0)
            {
                throw new ArgumentException($"Account {AccountId} has invoices in series {current.InvoiceSeries}; its series cannot change to {definition.InvoiceSeries}.", nameof(definition));
            }

            var created = state.State.Definition is null;
            state.State.Definition = definition;
            state.State.Requests.Add(definition.RequestId);
            await state.WriteStateAsync();
            if (created)
            {
                await GrainFactory.GetGrain<IAccountDirectoryGrain>(AccountDirectory.Key).RegisterAsync(AccountId);
            }
        }

        return View(state.State.Definition!);
    }

    Task<AccountView?> ICustomerAccountGrain.GetAsync() =>
        Task.FromResult(state.State.Definition is { } definition ? View(definition) : null);

    private AccountView View(AccountDefinition definition) =>
        new(AccountId, definition.Name, definition.InvoiceSeries, state.State.Contracts.Values.OrderBy(c => c.ContractId, StringComparer.Ordinal).ToList(), state.State.PaysFor.ToList());

    async Task ICustomerAccountGrain.AttachContractAsync(ContractDefinition contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _ = ContractRegister.Of(state.State.Contracts.Values.Select(AccountMapping.ToDomain)).With(AccountMapping.ToDomain(contract)); // the domain's checks
        state.State.Contracts[contract.ContractId] = contract;
        if (contract.MeteringPoint is { } gsrn)
        {
            state.State.PaysFor.Add(gsrn); // the holder pays unless another payer is assigned; the point decides per day
        }

        await state.WriteStateAsync();
    }

    async Task ICustomerAccountGrain.PayForAsync(PayerAssignment payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        if (state.State.Definition is null)
        {
            throw new ArgumentException($"Account {AccountId} does not exist; it cannot pay for {payer.MeteringPoint}.", nameof(payer));
        }

        if (state.State.PaysFor.Add(payer.MeteringPoint))
        {
            await state.WriteStateAsync();
        }
    }

    async Task<AccountSettleResult> ICustomerAccountGrain.SettleAsync(AccountSettleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Definition is not { } definition)
        {
            return new AccountSettleResult(AccountId, AccountSettleState.Failed, [$"Account {AccountId} does not exist."]);
        }

        var period = BillingPeriod.Of(request.Month);
        if (await invoices.FindAsync(AccountId, period.Dates) is { } issued)
        {
            return Settled(issued.Series, issued.Number, issued.Total);
        }

        var now = clock.GetCurrentInstant();
        var points = await Task.WhenAll(state.State.PaysFor.Select(gsrn =>
            GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).SettleAsync(new PointSettleRequest(AccountId, request.Month, now))));
        var products = ContractRegister.Of(state.State.Contracts.Values.Where(c => c.MeteringPoint is null).Select(AccountMapping.ToDomain))
            .DueFor(AccountId, period, Payers.None);
        var decided = AccountSettlement.Decide(AccountMapping.ToDomain(definition), period,
            points.Select(p => new SettledPart(AccountMapping.ToDomain(p.State), p.Reasons, p.Lines.Select(AccountMapping.ToDomain).ToList())).ToList(), products);
        if (decided.Invoice is not { } invoice)
        {
            return new AccountSettleResult(AccountId, AccountMapping.ToWire(decided.State), decided.Reasons);
        }

        var basis = JsonSerializer.Serialize(points.Where(p => p.Lines.Count > 0).ToDictionary(p => p.Gsrn, p => JsonDocument.Parse(p.Basis).RootElement));
        var outcome = await invoices.IssueAsync(ToIssue(invoice, request.BillRunId, now, basis));
        return Settled(outcome.Invoice.Series, outcome.Invoice.Number, outcome.Invoice.Total);
    }

    private AccountSettleResult Settled(string series, long number, decimal total) =>
        new(AccountId, AccountSettleState.Settled, [], new InvoiceNumber(series, number).ToString(), total);

    private static InvoiceToIssue ToIssue(AccountInvoice invoice, string billRunId, NodaTime.Instant now, string basis) =>
        new(invoice.Account.InvoiceSeries, invoice.Account.AccountId, invoice.Period.Dates, now, billRunId,
            invoice.Lines.Select(l => new InvoiceLineRow(l.MeteringPoint?.Value, l.ContractId, l.ItemId, l.Description,
                l.MeteringPoint is null ? "product" : "electricity", l.Quantity.Value, null, l.Amount.Amount, l.Vat.Code, l.Vat.Percent)).ToList(),
            invoice.Vat.Select(v => new InvoiceVatRow(v.Category, v.Percent, v.Taxable.Amount, v.Vat.Amount)).ToList(),
            invoice.TotalExcludingVat.Amount, invoice.TotalVat.Amount, invoice.Total.Amount, basis);
}
