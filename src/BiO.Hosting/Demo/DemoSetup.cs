using BiO.Demo;
using BiO.Grains.Accounts;
using BiO.Grains.MeteringPoints;

namespace BiO.Hosting.Demo;

/// <summary>What <see cref="DemoSetup.DefineAsync"/> defined.</summary>
/// <param name="Problems">Definitions the grains refused, each with the reason (a bug of the demo).</param>
public sealed record DemoSetupCounts(int PriceLists, int Accounts, int ElectricityContracts, int ProductContracts, int Payers, IReadOnlyList<string> Problems);

/// <summary>
/// The supplier's own records of a demo month, defined through the grains as the gateway would: the product price
/// lists, then every customer account, its contracts (electricity on each point from its contract start, and the
/// non-metered products with their monthly fee), then the payers of points paid by another account. Every request id
/// is derived from the demo, so defining twice changes nothing.
/// </summary>
public static class DemoSetup
{
    private const int Parallelism = 16;

    /// <summary>Defines price lists, accounts, contracts and payers of <paramref name="month"/>.</summary>
    public static async Task<DemoSetupCounts> DefineAsync(IGrainFactory grains, DemoMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(month);
        var problems = new List<string>();
        var priceLists = DemoProducts.PriceLists(month.Options.Month);
        await Task.WhenAll(priceLists.Select(p => grains.GetGrain<IPriceListGrain>(p.ProductCode).DefineAsync(p)));

        var customers = month.Customers().ToList();
        var series = DemoProducts.InvoiceSeries(month.Options.Month);
        await ForEachAsync(customers, problems, a => $"account {a.AccountId}", a =>
            grains.GetGrain<ICustomerAccountGrain>(a.AccountId).DefineAsync(new AccountDefinition($"demo-account-{a.AccountId}", a.AccountId, a.Name, series)), cancellationToken);

        var electricity = customers.SelectMany(a => a.MeteringPoints.Select(p => (Account: a.AccountId, Point: p))).ToList();
        await ForEachAsync(electricity, problems, c => $"contract on {c.Point.MeteringPoint}", c =>
        {
            var id = $"EL-{c.Point.MeteringPoint}";
            return grains.GetGrain<IContractGrain>(id).DefineAsync(new ContractDefinition(
                $"demo-contract-{id}", id, c.Account, c.Point.ProductCode, "Electricity", c.Point.ContractStart, MeteringPoint: c.Point.MeteringPoint.Value));
        }, cancellationToken);

        var products = customers.SelectMany(a => a.Products.Select(p => (Account: a.AccountId, Product: p))).ToList();
        await ForEachAsync(products, problems, c => $"contract {c.Product.ProductCode} of {c.Account}", c =>
        {
            var id = $"{c.Product.ProductCode}-{c.Account}";
            return grains.GetGrain<IContractGrain>(id).DefineAsync(new ContractDefinition(
                $"demo-contract-{id}", id, c.Account, c.Product.ProductCode, DemoProducts.KindOf(c.Product.ProductCode), c.Product.Start, MonthlyFee: c.Product.MonthlyPrice));
        }, cancellationToken);

        var payers = electricity.Where(c => c.Point.PayerAccountId != c.Account).ToList();
        await ForEachAsync(payers, problems, c => $"payer {c.Point.PayerAccountId} of {c.Point.MeteringPoint}", async c =>
        {
            var gsrn = c.Point.MeteringPoint.Value;
            var payer = new PayerAssignment($"demo-payer-{gsrn}-{c.Point.PayerAccountId}", gsrn, c.Point.PayerAccountId, c.Point.ContractStart);
            await grains.GetGrain<IMeteringPointGrain>(gsrn).AssignPayerAsync(payer);
            await grains.GetGrain<ICustomerAccountGrain>(payer.AccountId).PayForAsync(payer);
        }, cancellationToken);

        return new DemoSetupCounts(priceLists.Count, customers.Count, electricity.Count, products.Count, payers.Count, problems);
    }

    // Runs the definitions a few at a time; a refusal is noted with what it was about and the rest go on.
    private static Task ForEachAsync<T>(IReadOnlyList<T> items, List<string> problems, Func<T, string> what, Func<T, Task> define, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, _) =>
        {
            try
            {
                await define(item);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                lock (problems)
                {
                    problems.Add($"{what(item)}: {ex.Message}");
                }
            }
        });
}
