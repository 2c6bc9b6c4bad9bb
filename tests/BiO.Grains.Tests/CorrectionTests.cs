using BiO.Grains.Accounts;
using BiO.Grains.BillRuns;
using BiO.Grains.MeteringPoints;
using BiO.Persistence.Invoicing;
using BiO.Testing;
using NodaTime;

namespace BiO.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public class CorrectionTests(GrainClusterFixture fixture)
{
    private static readonly YearMonth June = new(2026, 6);
    private static readonly YearMonth July = new(2026, 7);

    [Fact]
    public async Task Corrected_days_and_a_changed_tariff_price_are_settled_on_the_next_invoice_and_a_second_correction_adjusts_only_the_rest()
    {
        var june = new SettlementScenario(fixture.Client, fixture.MeterData, June);
        await june.PricesAsync();
        var gsrn = await june.PointAsync();
        var accountId = await june.AccountAsync("T4-2026", gsrn);
        var account = fixture.Client.GetGrain<ICustomerAccountGrain>(accountId);
        await BillAsync("run-t4-june", June, accountId);
        var first = (await fixture.Invoices.FindAsync(accountId, june.Period.Dates))!;

        // Three days of June again at 0.5 kWh a quarter-hour (+24 kWh each), and the tariff of June 20 from 0.5 to 0.75.
        var later = june.Received + Duration.FromDays(10);
        foreach (var day in new[] { 3, 10, 17 })
        {
            await june.DayAsync(gsrn, $"corr-{gsrn}-{day}", later, new LocalDate(2026, 6, day), 0.5m);
        }

        await june.TariffDayAsync("d08-40000-corr-2026-06-20", later, new LocalDate(2026, 6, 20), 0.75m);

        var pending = await PendingAsync(account, "Nettarif", 72m * 0.5m + (24m * 0.25m)); // the price change arrives one-way
        Assert.Equal((gsrn, June, AccountSettleState.Settled), (pending.Gsrn, pending.Month, pending.State));
        Assert.Equal(72m, Line(pending.Lines, "Spot DK1").Amount);
        Assert.Equal(7.2m, Line(pending.Lines, "FLEX markup").Amount);
        Assert.Equal(3, pending.Lines.Count); // the subscription does not change with quantities

        // July's bill run: July's own lines plus June's corrections, each naming the period it corrects and why.
        var july = new SettlementScenario(fixture.Client, fixture.MeterData, July);
        await july.PricesAsync();
        await july.MeterDataAsync(gsrn, $"s-{gsrn}-july", july.Received);
        await BillAsync("run-t4-july", July, accountId);
        var next = (await fixture.Invoices.FindAsync(accountId, july.Period.Dates))!;
        var corrections = next.Lines.Where(l => l.Corrects is not null).ToList();
        Assert.Equal(4, next.Lines.Count - corrections.Count);
        Assert.All(corrections, l => Assert.Equal(june.Period.Dates, l.Corrects));
        Assert.Equal(42m, corrections.Single(l => l.Description.EndsWith("Nettarif", StringComparison.Ordinal)).Amount);
        Assert.Equal(72m, corrections.Single(l => l.Description.EndsWith("Spot DK1", StringComparison.Ordinal)).Amount);
        Assert.Equal(7.2m, corrections.Single(l => l.Description.EndsWith("FLEX markup", StringComparison.Ordinal)).Amount);
        Assert.Contains("new meter data received", corrections.Single(l => l.Description.EndsWith("Spot DK1", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        Assert.Contains("changed prices received", corrections.Single(l => l.Description.EndsWith("Nettarif", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        Assert.Equal(next.Lines.Sum(l => l.Amount), next.TotalExcludingVat);
        Assert.Equal(next.TotalExcludingVat * 0.25m, next.TotalVat);
        Assert.Empty(await account.GetCorrectionsAsync()); // settled: nothing pending

        // June 10 corrected again, to 0.375: only the rest is adjusted (-12 kWh), and a credit note is asked for.
        await june.DayAsync(gsrn, $"corr2-{gsrn}-10", later + Duration.FromDays(5), new LocalDate(2026, 6, 10), 0.375m);
        var second = Assert.Single(await account.GetCorrectionsAsync());
        Assert.Equal(-6m, Line(second.Lines, "Nettarif").Amount);
        Assert.Equal(-12m, Line(second.Lines, "Spot DK1").Amount);
        Assert.Equal(-1.2m, Line(second.Lines, "FLEX markup").Amount);

        var note = await account.IssueCorrectionNoteAsync("credit-t4");
        Assert.Equal(AccountSettleState.Settled, note.State);
        var credit = (await fixture.Invoices.ListByAccountAsync(accountId)).Single(i => i.Kind == InvoiceKinds.CreditNote);
        Assert.Equal(-19.2m * 1.25m, credit.Total);
        Assert.Equal($"T4-2026-{first.Number:D6}", credit.RefersTo);
        Assert.Empty(await account.GetCorrectionsAsync());
    }

    [Fact]
    public async Task A_revised_spot_price_of_an_invoiced_day_becomes_a_pending_correction_and_unchanged_data_none()
    {
        var august = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 8));
        await august.PricesAsync();
        var gsrn = await august.PointAsync();
        var accountId = await august.AccountAsync("T5-2026", gsrn);
        var account = fixture.Client.GetGrain<ICustomerAccountGrain>(accountId);
        await BillAsync("run-t5-august", new YearMonth(2026, 8), accountId);

        await august.DayAsync(gsrn, $"same-{gsrn}", august.Received + Duration.FromDays(1), new LocalDate(2026, 8, 5), 0.25m); // the same again
        Assert.Empty(await account.GetCorrectionsAsync());

        await august.SpotDayAsync("eds-revised-2026-08-12", august.Received + Duration.FromDays(2), new LocalDate(2026, 8, 12), 2m); // 24 kWh at +1
        var pending = await PendingAsync(account, "Spot DK1", 24m);
        Assert.Contains("changed prices received", Line(pending.Lines, "Spot DK1").Reason, StringComparison.Ordinal);
        Assert.Single(pending.Lines);
    }

    [Fact]
    public async Task A_late_move_out_credits_the_days_after_it_and_an_ended_charge_link_its_part()
    {
        var september = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 9));
        await september.PricesAsync();
        var gsrn = await september.PointAsync();
        var accountId = await september.AccountAsync("T6-2026", gsrn);
        var account = fixture.Client.GetGrain<ICustomerAccountGrain>(accountId);
        await BillAsync("run-t6-september", new YearMonth(2026, 9), accountId);
        var point = fixture.Client.GetGrain<IMeteringPointGrain>(gsrn);

        // DataHub confirms, late, that our supply ended on 16 September: the 15 days after it were never ours to bill.
        var moveOut = Instant.FromUtc(2026, 9, 15, 22, 0);
        await point.RequestSupplyChangeAsync(new SupplyRequested("392-out-" + gsrn, gsrn, "tx-out-" + gsrn, "E20", moveOut));
        await point.AnswerSupplyChangeAsync(new SupplyAnswered("confirm-out-" + gsrn, gsrn, "tx-out-" + gsrn, true, []));
        var pending = Assert.Single(await account.GetCorrectionsAsync());
        Assert.Equal(-(15m * 24m * 0.5m), Line(pending.Lines, "Nettarif").Amount); // 15 days x 96 x 0.25 kWh at 0.5
        Assert.Equal(-(15m * 24m), Line(pending.Lines, "Spot DK1").Amount);
        Assert.Equal(-15m, Line(pending.Lines, "FLEX subscription").Amount); // 15 days x round(30 / 30, 6)
        Assert.All(pending.Lines, l => Assert.NotNull(l.Reason));

        // The tariff's link also ended on 11 September: five more days of tariff are credited, nothing else changes.
        await point.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-end-" + gsrn, gsrn,
            [new ChargeLinkNotice(SettlementScenario.Energinet, "D03", "40000", 1, Instant.FromUtc(2020, 1, 1, 0, 0), Instant.FromUtc(2026, 9, 10, 22, 0))]));
        var after = Assert.Single(await account.GetCorrectionsAsync());
        Assert.Equal(-(20m * 24m * 0.5m), Line(after.Lines, "Nettarif").Amount);
        Assert.Equal(-(15m * 24m), Line(after.Lines, "Spot DK1").Amount);
    }

    [Fact]
    public async Task A_closed_account_gets_its_corrections_on_a_debit_note_referring_to_the_corrected_invoice()
    {
        var october = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 10));
        await october.PricesAsync();
        var gsrn = await october.PointAsync();
        var accountId = await october.AccountAsync("T7-2026", gsrn);
        await BillAsync("run-t7-october", new YearMonth(2026, 10), accountId);
        var first = (await fixture.Invoices.FindAsync(accountId, october.Period.Dates))!;
        await fixture.Client.GetGrain<IContractGrain>($"C-{gsrn}").DefineAsync(new ContractDefinition(
            "end-" + gsrn, $"C-{gsrn}", accountId, "FLEX", "Electricity", new LocalDate(2026, 1, 1), new LocalDate(2026, 11, 1), gsrn)); // closed

        await october.DayAsync(gsrn, $"corr-{gsrn}-oct-7", october.Received + Duration.FromDays(3), new LocalDate(2026, 10, 7), 0.5m); // +24 kWh
        await BillAsync("run-t7-november", new YearMonth(2026, 11), accountId); // nothing else due: the corrections alone

        var note = (await fixture.Invoices.ListByAccountAsync(accountId)).Single(i => i.Kind == InvoiceKinds.DebitNote);
        Assert.Equal(october.Period.Dates, note.Period);
        Assert.Equal($"T7-2026-{first.Number:D6}", note.RefersTo);
        Assert.Equal((24m * 0.5m + 24m + 2.4m) * 1.25m, note.Total); // tariff, spot and markup of 24 kWh, with VAT
        Assert.Equal(first.Number + 1, note.Number);
        Assert.Empty(await fixture.Client.GetGrain<ICustomerAccountGrain>(accountId).GetCorrectionsAsync());
    }

    [Fact]
    public async Task Corrections_of_two_months_accumulate_and_settle_together_each_line_naming_its_period()
    {
        var january = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 1));
        var may = new SettlementScenario(fixture.Client, fixture.MeterData, new YearMonth(2026, 5));
        await january.PricesAsync();
        await may.PricesAsync();
        var gsrn = await january.PointAsync();
        await may.MeterDataAsync(gsrn, $"s-{gsrn}-may", may.Received);
        var accountId = await january.AccountAsync("T8-2026", gsrn);
        var account = fixture.Client.GetGrain<ICustomerAccountGrain>(accountId);
        await BillAsync("run-t8-january", new YearMonth(2026, 1), accountId);
        await BillAsync("run-t8-may", new YearMonth(2026, 5), accountId);

        // May first, then January twice (a correction of a correction), all before anything is settled.
        var later = may.Received + Duration.FromDays(3);
        await may.DayAsync(gsrn, $"corr-{gsrn}-may-2", later, new LocalDate(2026, 5, 2), 0.125m);               // -12 kWh
        await january.DayAsync(gsrn, $"corr-{gsrn}-jan-9", later, new LocalDate(2026, 1, 9), 0.5m);             // +24 kWh
        await january.DayAsync(gsrn, $"corr2-{gsrn}-jan-9", later + Duration.FromHours(1), new LocalDate(2026, 1, 9), 0.375m); // +12 kWh in all
        var pending = await account.GetCorrectionsAsync();
        Assert.Equal([new YearMonth(2026, 1), new YearMonth(2026, 5)], pending.Select(p => p.Month));

        var asked = await account.IssueCorrectionNoteAsync("note-t8");
        Assert.Equal(asked.InvoiceNumber, (await account.IssueCorrectionNoteAsync("note-t8")).InvoiceNumber); // the same request again: the same note
        var note = (await fixture.Invoices.ListByAccountAsync(accountId)).Single(i => i.Kind != InvoiceKinds.Invoice);
        var lines = (await fixture.Invoices.GetAsync(note.Series, note.Number))!.Lines;
        Assert.Equal(12m * 0.5m, lines.Single(l => l.Corrects == january.Period.Dates && l.Description.EndsWith("Nettarif", StringComparison.Ordinal)).Amount);
        Assert.Equal(-12m * 0.5m, lines.Single(l => l.Corrects == may.Period.Dates && l.Description.EndsWith("Nettarif", StringComparison.Ordinal)).Amount);
        Assert.Equal(0m, note.TotalExcludingVat); // +12 kWh in January, -12 kWh in May, at the same prices
        Assert.Equal(6, lines.Count);
        Assert.Equal("T8-2026-000001, T8-2026-000002", note.RefersTo);
        Assert.Empty(await account.GetCorrectionsAsync());
    }

    private async Task BillAsync(string runId, YearMonth month, string accountId)
    {
        await fixture.Client.GetGrain<IBillRunGrain>(runId).StartAsync(month);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var account = (await fixture.Client.GetGrain<IBillRunGrain>(runId).GetAsync())!.Accounts.Single(a => a.AccountId == accountId);
            if (account.State == "Settled")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Account {accountId} was not settled by run {runId}.");
    }

    private static async Task<PendingCorrection> PendingAsync(ICustomerAccountGrain account, string element, decimal amount)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        PendingCorrection? pending = null;
        while (DateTime.UtcNow < deadline)
        {
            pending = (await account.GetCorrectionsAsync()).SingleOrDefault();
            if (pending is not null && pending.Lines.Any(l => l.Description.EndsWith(element, StringComparison.Ordinal) && l.Amount == amount))
            {
                return pending;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No pending {element} correction of {amount}: {string.Join("; ", pending?.Lines.Select(l => $"{l.Description} {l.Amount}") ?? [])}");
        return pending!;
    }

    private static InvoiceLineRecord Line(IReadOnlyList<InvoiceLineRecord> lines, string element) =>
        lines.Single(l => l.Description.EndsWith(element, StringComparison.Ordinal));
}
