using BiO.Grains.Accounts;
using NodaTime;

namespace BiO.Grains.Tests;

/// <summary>Consultancy hours: an account waits for the month's quantity, then invoices quantity x price; the quantity is kept by the account.</summary>
[Collection(GrainClusterCollection.Name)]
public class RegisteredQuantityTests(GrainClusterFixture fixture)
{
    private static readonly YearMonth June = new(2026, 6);

    [Fact]
    public async Task An_account_waits_for_the_hours_of_the_month_and_is_invoiced_quantity_times_price_after_they_are_registered()
    {
        var accountId = "H-" + Guid.NewGuid().ToString("N")[..10];
        var contractId = "CH-" + accountId;
        var account = fixture.Client.GetGrain<ICustomerAccountGrain>(accountId);
        var contract = fixture.Client.GetGrain<IContractGrain>(contractId);
        await account.DefineAsync(new AccountDefinition("def-" + accountId, accountId, "Rådgivning ApS", "TH-2026"));
        // From 10 June: a part month, whose hours are not prorated.
        await contract.DefineAsync(new ContractDefinition("c-" + contractId, contractId, accountId, "CONSULT", "Consultancy", new LocalDate(2026, 6, 10), UnitPrice: 950.5m, Unit: "hour"));

        var waiting = await account.SettleAsync(new AccountSettleRequest("run-hours", June));
        Assert.Equal(AccountSettleState.Waiting, waiting.State);
        Assert.Contains("no quantity registered for 2026-06", Assert.Single(waiting.Reasons), StringComparison.Ordinal);

        var first = await contract.RegisterQuantityAsync(new QuantityRequest("q-1", contractId, June, 12.5m));
        Assert.Equal((QuantityRegistrationState.Registered, 12.5m), (first.State, first.Current!.Quantity));
        var replaced = await contract.RegisterQuantityAsync(new QuantityRequest("q-2", contractId, June, 14.25m));
        Assert.Equal(QuantityRegistrationState.Replaced, replaced.State);
        var replay = await contract.RegisterQuantityAsync(new QuantityRequest("q-1", contractId, June, 12.5m));
        Assert.Equal((QuantityRegistrationState.Unchanged, 14.25m, "q-2"), (replay.State, replay.Current!.Quantity, replay.Current.RequestId));
        var reused = await contract.RegisterQuantityAsync(new QuantityRequest("q-1", contractId, June, 13m));
        Assert.Equal(QuantityRegistrationState.Conflict, reused.State);
        Assert.Contains("q-1", reused.Conflict, StringComparison.Ordinal);
        var outside = await Assert.ThrowsAsync<ArgumentException>(() => contract.RegisterQuantityAsync(new QuantityRequest("q-5", contractId, new YearMonth(2026, 5), 1m)));
        Assert.Contains("does not cover 2026-05", outside.Message, StringComparison.Ordinal);

        await fixture.Cluster.DeactivateAsync(account); // the quantities come back from storage
        var kept = Assert.Single(await contract.GetQuantitiesAsync());
        Assert.Equal((June, 14.25m, "q-2"), (kept.Month, kept.Quantity, kept.RequestId));

        var settled = await account.SettleAsync(new AccountSettleRequest("run-hours", June));
        Assert.Equal(AccountSettleState.Settled, settled.State);
        var invoice = (await fixture.Invoices.FindAsync(accountId, new DateInterval(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30))))!;
        var line = Assert.Single(invoice.Lines);
        var amount = decimal.Round(14.25m * 950.5m, 2, MidpointRounding.AwayFromZero); // 13,544.625 -> 13,544.63
        Assert.Equal((contractId, 14.25m, amount), (line.ContractId, line.Quantity, line.Amount));
        Assert.Equal(25m, line.VatPercent);
        Assert.Equal(amount + decimal.Round(amount * 0.25m, 2, MidpointRounding.AwayFromZero), invoice.Total);

        // Invoiced: the month keeps its quantity.
        var late = await contract.RegisterQuantityAsync(new QuantityRequest("q-3", contractId, June, 15m));
        Assert.Equal((QuantityRegistrationState.Conflict, 14.25m), (late.State, late.Current!.Quantity));
        Assert.Contains(settled.InvoiceNumber!, late.Conflict, StringComparison.Ordinal);
        Assert.Equal(QuantityRegistrationState.Unchanged, (await contract.RegisterQuantityAsync(new QuantityRequest("q-4", contractId, June, 14.25m))).State);
        Assert.Equal(14.25m, Assert.Single(await contract.GetQuantitiesAsync()).Quantity);
    }

    [Fact]
    public async Task A_fixed_fee_contract_and_an_unknown_contract_take_no_quantity()
    {
        var accountId = "H-" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Client.GetGrain<ICustomerAccountGrain>(accountId).DefineAsync(new AccountDefinition("def-" + accountId, accountId, "Kunde", "TH-2026"));
        var broadband = fixture.Client.GetGrain<IContractGrain>("BB-" + accountId);
        await broadband.DefineAsync(new ContractDefinition("c-bb", "BB-" + accountId, accountId, "BB-500", "Broadband", new LocalDate(2026, 1, 1), MonthlyFee: 299m));

        var fee = await Assert.ThrowsAsync<ArgumentException>(() => broadband.RegisterQuantityAsync(new QuantityRequest("q-1", "BB-" + accountId, June, 1m)));
        Assert.Contains("not priced per unit", fee.Message, StringComparison.Ordinal);
        var unknown = fixture.Client.GetGrain<IContractGrain>("none-" + accountId);
        await Assert.ThrowsAsync<ArgumentException>(() => unknown.RegisterQuantityAsync(new QuantityRequest("q-1", "none-" + accountId, June, 1m)));
        Assert.Empty(await unknown.GetQuantitiesAsync());
    }
}
