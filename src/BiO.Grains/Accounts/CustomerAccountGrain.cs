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

    /// <summary>Correction notes issued on request, by request id: the same request again answers the same note.</summary>
    [Id(4)] public Dictionary<string, AccountSettleResult> CorrectionNotes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Quantities registered for contracts priced per unit, by contract id: every accepted request, oldest first (the
    /// last of a month is its quantity).
    /// </summary>
    [Id(5)] public Dictionary<string, List<RegisteredQuantityRecord>> Quantities { get; set; } = new(StringComparer.Ordinal);
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
            await NotifyPointsAsync(issued); // again: a crash may have come between issuing and telling the points
            return Settled(issued.Series, issued.Number, issued.Total);
        }

        var now = clock.GetCurrentInstant();
        var points = await Task.WhenAll(state.State.PaysFor.Select(gsrn =>
            GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).SettleAsync(new PointSettleRequest(AccountId, request.Month, now))));
        var products = ContractRegister.Of(state.State.Contracts.Values.Where(c => c.MeteringPoint is null).Select(AccountMapping.ToDomain))
            .DueFor(AccountId, period, Payers.None);
        var quantities = products.Select(p => QuantitiesOf(p.Contract.ContractId).In(request.Month)).OfType<RegisteredQuantity>().ToList();
        var decided = AccountSettlement.Decide(AccountMapping.ToDomain(definition), period,
            points.Select(p => new SettledPart(AccountMapping.ToDomain(p.State), p.Reasons, p.Lines.Select(AccountMapping.ToDomain).ToList())).ToList(), products,
            points.SelectMany(p => p.Corrections).Select(AccountMapping.ToDomain).ToList(), quantities);
        if (decided.Invoice is not { } invoice)
        {
            return new AccountSettleResult(AccountId, AccountMapping.ToWire(decided.State), decided.Reasons);
        }

        var basis = JsonSerializer.Serialize(points.Where(p => p.Lines.Count > 0).ToDictionary(p => p.Gsrn, p => JsonDocument.Parse(p.Basis).RootElement));
        var outcome = await IssueAsync(invoice, request.BillRunId, now, basis, $"bill-run:{request.BillRunId}:{AccountId}");
        return Settled(outcome.Series, outcome.Number, outcome.Total);
    }

    async Task<QuantityRegistrationResult> ICustomerAccountGrain.RegisterQuantityAsync(QuantityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!state.State.Contracts.TryGetValue(request.ContractId, out var definition))
        {
            throw new ArgumentException($"Account {AccountId} has no contract {request.ContractId}; no quantity can be registered for it.", nameof(request));
        }

        var kept = QuantitiesOf(request.ContractId);
        var quantity = new RegisteredQuantity(request.ContractId, request.Month, new Domain.Money.Quantity(request.Quantity), request.RequestId);
        string? invoicedAs = null;
        if (kept.Accepted.All(q => q.RequestId != request.RequestId)
            && await invoices.FindAsync(AccountId, BillingPeriod.Of(request.Month).Dates) is { } issued)
        {
            invoicedAs = new InvoiceNumber(issued.Series, issued.Number).ToString();
        }

        var registration = kept.Register(AccountMapping.ToDomain(definition), quantity, invoicedAs);
        var records = state.State.Quantities.GetValueOrDefault(request.ContractId) ?? [];
        if (!ReferenceEquals(registration.Quantities, kept))
        {
            // Every accepted request is kept, also one that changed nothing: its id is known from now on.
            records = [.. records, new RegisteredQuantityRecord(request.RequestId, request.ContractId, request.Month, request.Quantity, clock.GetCurrentInstant())];
            state.State.Quantities[request.ContractId] = records;
            await state.WriteStateAsync();
        }

        var current = registration.Current is { } now ? records.Last(r => r.RequestId == now.RequestId) : null;
        return new QuantityRegistrationResult(AccountMapping.ToWire(registration.Outcome), current, registration.Conflict);
    }

    Task<IReadOnlyList<RegisteredQuantityRecord>> ICustomerAccountGrain.GetQuantitiesAsync(string contractId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        IReadOnlyList<RegisteredQuantityRecord> current = (state.State.Quantities.GetValueOrDefault(contractId) ?? [])
            .GroupBy(r => r.Month).Select(g => g.Last()).OrderBy(r => r.Month).ToList();
        return Task.FromResult(current);
    }

    private ContractQuantities QuantitiesOf(string contractId) =>
        ContractQuantities.Of(contractId, (state.State.Quantities.GetValueOrDefault(contractId) ?? []).Select(AccountMapping.ToDomain));

    async Task<IReadOnlyList<PendingCorrection>> ICustomerAccountGrain.GetCorrectionsAsync() =>
        (await Task.WhenAll(state.State.PaysFor.Select(gsrn => GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).GetCorrectionsAsync(AccountId))))
            .SelectMany(c => c).OrderBy(c => c.Month).ThenBy(c => c.Gsrn, StringComparer.Ordinal).ToList();

    async Task<AccountSettleResult> ICustomerAccountGrain.IssueCorrectionNoteAsync(string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        if (state.State.Definition is not { } definition)
        {
            return new AccountSettleResult(AccountId, AccountSettleState.Failed, [$"Account {AccountId} does not exist."]);
        }

        if (state.State.CorrectionNotes.TryGetValue(requestId, out var known))
        {
            return known;
        }

        if (await invoices.FindNoteAsync(NoteRequestId(requestId)) is { } issuedBefore)
        {
            return await RememberNoteAsync(requestId, issuedBefore); // issued, but a crash came before it was remembered
        }

        var lines = (await Task.WhenAll(state.State.PaysFor.Select(gsrn => GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).SettleCorrectionsAsync(AccountId))))
            .SelectMany(l => l).Select(AccountMapping.ToDomain).ToList();
        if (lines.Count == 0)
        {
            return new AccountSettleResult(AccountId, AccountSettleState.NotDue, [$"Account {AccountId} has no corrections ready to settle."]);
        }

        var note = AccountInvoice.CorrectionNote(AccountMapping.ToDomain(definition), lines);
        return await RememberNoteAsync(requestId, await IssueAsync(note, $"corrections:{requestId}", clock.GetCurrentInstant(), "{}", NoteRequestId(requestId)));
    }

    // Unique in the store across accounts: clients choose their keys per account.
    private string NoteRequestId(string requestId) => $"request:{AccountId}:{requestId}";

    private async Task<AccountSettleResult> RememberNoteAsync(string requestId, IssuedInvoice note)
    {
        var result = Settled(note.Series, note.Number, note.Total);
        state.State.CorrectionNotes[requestId] = result;
        await state.WriteStateAsync();
        return result;
    }

    /// <summary>Issues an invoice or correction note (a note refers to the invoices of the periods it corrects), then
    /// tells the points whose lines it carries.</summary>
    private async Task<IssuedInvoice> IssueAsync(AccountInvoice invoice, string billRunId, Instant now, string basis, string requestId)
    {
        string? refersTo = null;
        if (invoice.Kind != DocumentKind.Invoice)
        {
            var originals = await Task.WhenAll(invoice.Lines.Select(l => l.Corrects!).Distinct().Select(days => invoices.FindAsync(AccountId, days)));
            refersTo = string.Join(", ", originals.OfType<IssuedInvoice>().Select(i => new InvoiceNumber(i.Series, i.Number).ToString()).Distinct());
        }

        var outcome = await invoices.IssueAsync(ToIssue(invoice, billRunId, now, basis) with
        {
            Kind = invoice.Kind switch
            {
                DocumentKind.CreditNote => InvoiceKinds.CreditNote,
                DocumentKind.DebitNote => InvoiceKinds.DebitNote,
                _ => InvoiceKinds.Invoice,
            },
            RefersTo = refersTo,
            RequestId = invoice.Kind == DocumentKind.Invoice ? null : requestId,
        });
        await NotifyPointsAsync(outcome.Invoice);
        return outcome.Invoice;
    }

    // Every point whose corrections the document settled computes what is still pending against the new ledger.
    private Task NotifyPointsAsync(IssuedInvoice issued) =>
        Task.WhenAll(issued.Lines.Where(l => l.MeteringPoint is not null && l.Corrects is not null).Select(l => l.MeteringPoint!).Distinct()
            .Select(gsrn => GrainFactory.GetGrain<IMeteringPointGrain>(gsrn).SettleCorrectionsAsync(AccountId)));

    private AccountSettleResult Settled(string series, long number, decimal total) =>
        new(AccountId, AccountSettleState.Settled, [], new InvoiceNumber(series, number).ToString(), total);

    private static InvoiceToIssue ToIssue(AccountInvoice invoice, string billRunId, NodaTime.Instant now, string basis) =>
        new(invoice.Account.InvoiceSeries, invoice.Account.AccountId, invoice.Period.Dates, now, billRunId,
            invoice.Lines.Select(l => new InvoiceLineRow(l.MeteringPoint?.Value, l.ContractId, l.ItemId, l.Description,
                l.MeteringPoint is null ? "product" : "electricity", l.Quantity.Value, null, l.Amount.Amount, l.Vat.Code, l.Vat.Percent,
                l.Corrects, l.Reason, l.GridArea, l.DataVersion, l.PriceVersion)).ToList(),
            invoice.Vat.Select(v => new InvoiceVatRow(v.Category, v.Percent, v.Taxable.Amount, v.Vat.Amount)).ToList(),
            invoice.TotalExcludingVat.Amount, invoice.TotalVat.Amount, invoice.Total.Amount, basis);
}
