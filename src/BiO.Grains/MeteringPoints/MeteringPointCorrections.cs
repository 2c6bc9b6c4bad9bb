using BiO.Domain.Billing;
using BiO.Domain.Corrections;
using BiO.Domain.Money;
using BiO.Domain.Time;
using BiO.Grains.Accounts;
using BiO.Persistence.Invoicing;
using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// Correction settlement of the point's invoiced months: when something they were rated on changes, rate them again
/// and keep the difference against everything invoiced (read from the invoice store, the ledger) as pending corrections,
/// settled on the account's next invoice. The domain (<see cref="PointCorrection"/>) computes the difference.
/// </summary>
public sealed partial class MeteringPointGrain
{
    Task<IReadOnlyList<PendingCorrection>> IMeteringPointGrain.GetCorrectionsAsync(string? accountId) =>
        Task.FromResult<IReadOnlyList<PendingCorrection>>(state.State.Corrections.Values
            .Where(c => accountId is null || c.AccountId == accountId).OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.Month).ToList());

    Task IMeteringPointGrain.RecheckAsync(Interval changed) => RecheckInvoicedAsync(changed);

    /// <summary>
    /// Rates again every invoiced month that overlaps <paramref name="changed"/> and keeps what changed. Only a point
    /// with a contract can have been invoiced, and months are invoiced once they have ended: a change of the current
    /// month or later (the daily meter data) costs nothing; for an earlier one the ledger says which of the point's
    /// months were invoiced to which accounts.
    /// </summary>
    private async Task RecheckInvoicedAsync(Interval changed)
    {
        if (changed.Start >= BillingTime.Month(BillingTime.MonthOf(clock.GetCurrentInstant())).Start)
        {
            return;
        }

        await ReadStateAndIndexAsync(); // not read yet when woken by meter data
        if (state.State.Contracts.Count == 0)
        {
            return;
        }

        var ledger = await invoices.LedgerAsync(Gsrn.Value);
        var touched = ledger.Select(r => (r.AccountId, Month: r.Period.Start.ToYearMonth())).Distinct()
            .Where(m => Overlaps(BillingPeriod.Of(m.Month).Utc, changed)).ToList();
        if (touched.Count > 0 && await CorrectAsync(touched, ledger))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<InvoiceLineRecord>> IMeteringPointGrain.SettleCorrectionsAsync(string accountId) => SettleCorrectionsAsync(accountId);

    /// <summary>The pending corrections of an account computed afresh against the ledger, for its next invoice.</summary>
    private async Task<IReadOnlyList<InvoiceLineRecord>> SettleCorrectionsAsync(string accountId)
    {
        var pending = PendingMonths(accountId);
        if (pending.Count == 0)
        {
            return [];
        }

        if (await CorrectAsync(pending, await invoices.LedgerAsync(Gsrn.Value)))
        {
            await state.WriteStateAsync();
        }

        return pending.Select(m => state.State.Corrections.GetValueOrDefault(PendingCorrection.KeyOf(m.AccountId, m.Month)))
            .Where(c => c?.State == AccountSettleState.Settled).SelectMany(c => c!.Lines).ToList();
    }

    /// <summary>Computes the corrections of <paramref name="months"/> now against <paramref name="ledger"/>; true when a
    /// pending correction changed.</summary>
    private async Task<bool> CorrectAsync(IReadOnlyList<(string AccountId, YearMonth Month)> months, IReadOnlyList<InvoicedElementRow> ledger)
    {
        var now = clock.GetCurrentInstant();
        var changed = false;
        foreach (var (accountId, month) in months)
        {
            var key = PendingCorrection.KeyOf(accountId, month);
            var correction = await CorrectionOfAsync(accountId, BillingPeriod.Of(month), ledger, now);
            if (correction is { State: AccountSettleState.Settled or AccountSettleState.NotDue, Lines.Count: 0 })
            {
                changed |= state.State.Corrections.Remove(key);
            }
            else if (!Same(state.State.Corrections.GetValueOrDefault(key), correction))
            {
                state.State.Corrections[key] = correction;
                changed = true;
            }
        }

        return changed;
    }

    private async Task<PendingCorrection> CorrectionOfAsync(string accountId, BillingPeriod period, IReadOnlyList<InvoicedElementRow> ledger, Instant now)
    {
        var month = period.Dates.Start.ToYearMonth();
        try
        {
            var coverages = BiO.Domain.Accounts.ContractRegister.Of(state.State.Contracts.Values.Select(AccountMapping.ToDomain)).DueFor(accountId, period, Payers());
            var rerated = coverages.Count == 0 ? new PointSettlement([], [], []) : PointSettlement.Settle(await GatherAsync(period, coverages, now, fresh: true));
            var invoiced = ledger.Where(r => r.AccountId == accountId && r.Period.Equals(period.Dates) && r.ContractId is not null).Select(ToDomain).ToList();
            var correction = PointCorrection.Compute(Gsrn, period, rerated, invoiced);
            if (correction.State == PartState.Waiting && rerated.MissingMeterData.Count > 0 && Known)
            {
                await meterDataRequests.RequestAsync(Gsrn.Value, rerated.MissingMeterData, now);
            }

            var area = GridAreaIn(period);
            return new PendingCorrection(Gsrn.Value, accountId, month, AccountMapping.ToWire(correction.State), correction.Reasons,
                correction.Lines.Select(l => AccountMapping.ToWire(l) with { GridArea = area }).ToList(), now);
        }
        catch (ArgumentException ex)
        {
            return new PendingCorrection(Gsrn.Value, accountId, month, AccountSettleState.Failed, [$"{Gsrn}: {ex.Message}"], [], now);
        }
    }

    private static InvoicedElement ToDomain(InvoicedElementRow row) =>
        new(row.ContractId!, row.ElementId, row.Description, new Quantity(row.Quantity), new Money(row.Amount),
            new VatRate(row.VatCode, row.VatPercent, row.Period.Start), row.DataVersion, row.PriceVersion);

    // Unchanged when the same state, reasons and lines: a recomputation that finds the same keeps the earlier instant.
    private static bool Same(PendingCorrection? kept, PendingCorrection now) =>
        kept is not null && kept.State == now.State && kept.Reasons.SequenceEqual(now.Reasons) && kept.Lines.SequenceEqual(now.Lines);

    private string? GridAreaIn(BillingPeriod period) =>
        state.State.MasterData.Where(m => m.ValidFrom < period.Utc.End).OrderBy(m => m.ValidFrom).LastOrDefault()?.GridArea;

    private List<(string AccountId, YearMonth Month)> PendingMonths(string accountId) =>
        state.State.Corrections.Values.Where(c => c.AccountId == accountId).Select(c => (c.AccountId, c.Month)).ToList();

    private static Interval From(Instant start) => new(start, Instant.MaxValue);

    private static bool Overlaps(Interval a, Interval b) => a.Start < b.End && b.Start < a.End;
}
