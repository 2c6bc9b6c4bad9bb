using System.Collections.Concurrent;
using BiO.Demo;
using BiO.Grains;
using BiO.Grains.Accounts;
using BiO.Grains.Charges;
using BiO.Grains.MeteringPoints;
using BiO.Grains.Spot;
using BiO.Market.Cim.Json;
using BiO.Market.Spot;
using BiO.MarketIntake;
using BiO.Persistence.MeterData;
using Orleans.Storage;

namespace BiO.Bench.BillRun;

/// <summary>
/// Loads a <see cref="BenchMonth"/> directly, not through the market intake (measured by its own bench): the demo's
/// RSM-012 documents read by BiO's reader and appended by the meter data store's COPY; metering point, account, contract
/// and account directory state written once each through the grain storage, exactly the state the grains would have
/// written after their calls (their ~10 writes per point, and a directory rewritten per account, cost far more); charges,
/// spot prices and price lists, a handful, through their grains.
/// </summary>
public sealed class MonthLoader(BenchMonth month, IClusterClient grains, IGrainStorage storage, IMeterDataStore meterData, int concurrency)
{
    /// <summary>Meter data: every RSM-012 document of the month, read and appended (several COPYs in flight). Returns the series stored.</summary>
    public async Task<int> MeterDataAsync()
    {
        var stored = 0;
        await Parallel.ForEachAsync(month.Demo.MeterDataDocuments(), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (document, ct) =>
        {
            var read = ValidatedMeasureDataJsonReader.Read(document.Body.AsSpan());
            var series = MeasureDataMapping.ToStoredSeries(read, month.Received);
            Interlocked.Add(ref stored, await meterData.AppendAsync(series, ct));
        });
        return stored;
    }

    /// <summary>Charges with their month of prices, the spot prices of each area (per day grain), and the price lists.</summary>
    public async Task<IReadOnlyList<SpotPricesReceived>> PricesAsync()
    {
        foreach (var (definition, prices) in month.Charges())
        {
            var charge = grains.GetGrain<IChargeGrain>(ChargeKeys.Of(definition.OwnerGln, definition.TypeCode, definition.Code));
            await charge.DefineAsync(definition);
            await charge.ReceivePricesAsync(prices);
        }

        var spot = new List<SpotPricesReceived>();
        foreach (var document in month.Demo.SpotPriceDocuments())
        {
            using var body = new MemoryStream(document.Body, writable: false);
            var days = SpotPriceMapping.ToDays(document.DocumentId, DayAheadPricesReader.Read(body), month.Received);
            await Task.WhenAll(days.Select(d => grains.GetGrain<ISpotPriceGrain>(SpotPriceKeys.Of(d.PriceArea, d.Day)).ReceiveAsync(d)));
            spot.AddRange(days);
        }

        foreach (var priceList in BenchMonth.PriceLists())
        {
            await grains.GetGrain<IPriceListGrain>(priceList.ProductCode).DefineAsync(priceList);
        }

        return spot;
    }

    /// <summary>
    /// Accounts, contracts and metering points as their grains keep them, and the account directory once. Returns each
    /// account with its invoice series, in account order.
    /// </summary>
    public async Task<IReadOnlyList<(string AccountId, string Series)>> AccountsAndPointsAsync()
    {
        var accounts = month.Demo.Customers().Select((a, i) => (Account: a, Series: month.SeriesOf(i))).ToList();
        var points = month.Demo.Points().ToDictionary(p => p.Gsrn.Value, StringComparer.Ordinal);
        var failures = new ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entry, _) =>
        {
            var (account, series) = entry;
            var contracts = BenchMonth.Contracts(account);
            var accountState = new CustomerAccountState { Definition = new AccountDefinition("bench-a-" + account.AccountId, account.AccountId, account.Name, series) };
            accountState.Requests.Add(accountState.Definition.RequestId);
            var writes = new List<Task>();
            foreach (var contract in contracts)
            {
                accountState.Contracts[contract.ContractId] = contract;
                var contractState = new ContractState { Current = contract };
                contractState.Requests.Add(contract.RequestId);
                writes.Add(WriteAsync<IContractGrain, ContractState>("contract", contract.ContractId, contractState));
                if (contract.MeteringPoint is { } gsrn)
                {
                    accountState.PaysFor.Add(gsrn);
                    writes.Add(WriteAsync<IMeteringPointGrain, MeteringPointState>("meteringPoint", gsrn, month.PointState(points[gsrn], contract)));
                }
            }

            writes.Add(WriteAsync<ICustomerAccountGrain, CustomerAccountState>("account", account.AccountId, accountState));
            try
            {
                await Task.WhenAll(writes);
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        });

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        var directory = new AccountDirectoryState();
        directory.AccountIds.UnionWith(accounts.Select(a => a.Account.AccountId));
        await WriteAsync<IAccountDirectoryGrain, AccountDirectoryState>("accountDirectory", AccountDirectory.Key, directory);
        return accounts.Select(a => (a.Account.AccountId, a.Series)).ToList();
    }

    private Task WriteAsync<TGrain, TState>(string stateName, string key, TState state)
        where TGrain : IGrainWithStringKey
        where TState : class =>
        storage.WriteStateAsync(stateName, grains.GetGrain<TGrain>(key).GetGrainId(), new GrainState<TState>(state));
}
