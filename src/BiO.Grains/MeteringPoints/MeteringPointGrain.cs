using BiO.Domain.MeteringPoints;
using BiO.Domain.Prices;
using BiO.Domain.TimeSeries;
using BiO.Persistence.MeterData;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Storage;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// A metering point, keyed by GSRN: its master data, charge links and an index of its meter data.
/// Meter data values live in the meter data store (appended by the market adapter); the grain keeps an in-memory
/// index of the versions, rebuilt from the store, so a message costs no rewrite of grain state.
/// It hears of new versions from its partition grain (<see cref="MeterDataPartitionGrain"/>). Hearing of them is the
/// message most activations are for (each point's day arrives daily), so it needs neither the grain state nor the
/// index: both are read when a call first needs them (<see cref="Invoke"/>), and what arrived before is merged then.
/// </summary>
public sealed partial class MeteringPointGrain(
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    IMeterDataStore meterData,
    IMeterDataRequests meterDataRequests,
    BiO.Persistence.Invoicing.IInvoiceStore invoices,
    IClock clock)
    : Grain, IMeteringPointGrain, IIncomingGrainCallFilter
{
    private StateOnDemand<MeteringPointState> state = null!; // set on activation

    // Null until read from the store; arrivals heard before that wait in `unindexed`.
    private Dictionary<string, SeriesArrival>? index;
    private readonly Dictionary<string, SeriesArrival> unindexed = new(StringComparer.Ordinal);

    private Gsrn Gsrn => Gsrn.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new(storage, "meteringPoint", this.GetGrainId());
        return Task.CompletedTask;
    }

    /// <summary>Every call but the news of meter data first reads the grain state and the meter data index.</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MethodName != nameof(IMeteringPointGrain.MeterDataArrivedAsync))
        {
            await ReadStateAndIndexAsync();
        }

        await context.Invoke();
    }

    private async Task ReadStateAndIndexAsync()
    {
        var reading = state.ReadAsync();
        if (index is null)
        {
            var read = new Dictionary<string, SeriesArrival>(StringComparer.Ordinal);
            foreach (var entry in await meterData.ReadIndexAsync(Gsrn.Value))
            {
                read[entry.VersionId] = new SeriesArrival(entry.VersionId, entry.ReceivedAt, entry.Covers);
            }

            foreach (var arrival in unindexed.Values)
            {
                read.TryAdd(arrival.VersionId, arrival);
            }

            index ??= read;
            unindexed.Clear();
        }

        await reading;
    }

    private Dictionary<string, SeriesArrival> Index => index ?? throw new InvalidOperationException($"The meter data index of {Gsrn} is used before it was read.");

    /// <summary>
    /// A point is known once its master data has arrived. Until then what arrives for it is kept (meter data in the
    /// store, links in state) but not applied: it shows no meter data and no links in force.
    /// </summary>
    private bool Known => state.State.MasterData.Count > 0;

    async Task<MeteringPointSnapshot> IMeteringPointGrain.GetSnapshotAsync(Instant at)
    {
        var versions = Index.Values.Count(s => s.ReceivedAt <= at);
        return new(Gsrn.Value, at,
            await ((IMeteringPointGrain)this).GetMasterDataAsync(at),
            await ((IMeteringPointGrain)this).GetChargeLinksAsync(new Interval(at, at + Duration.Epsilon)),
            Known ? versions : 0,
            Known,
            Known ? 0 : versions);
    }

    async Task IMeteringPointGrain.MeterDataArrivedAsync(MeterDataArrived arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        RequireThisPoint(arrival.Gsrn, arrival.DocumentId);
        // Before the index is read, every arrival counts as new: the recheck it may cause is idempotent.
        var added = new List<Interval>();
        foreach (var series in arrival.Series)
        {
            if (index is null)
            {
                unindexed.TryAdd(series.VersionId, series);
                added.Add(series.Covers);
            }
            else if (index.TryAdd(series.VersionId, series))
            {
                added.Add(series.Covers);
            }
        }

        MeterDataMetrics.SeriesHeard(arrival.Series.Count);

        if (added.Count > 0)
        {
            await RecheckInvoicedAsync(new Interval(added.Min(i => i.Start), added.Max(i => i.End)));
        }
    }

    async Task<MeterDataView> IMeteringPointGrain.GetMeterDataAsync(MeterDataQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var knownAt = query.KnownAt ?? clock.GetCurrentInstant();
        bool Touches(SeriesArrival s) => s.ReceivedAt <= knownAt && s.Covers.Start < query.Period.End && s.Covers.End > query.Period.Start;
        if (!Known)
        {
            var waiting = Index.Values.Count(Touches);
            var nothing = new MeteringPointSeries(Gsrn.Value).AsKnownAt(knownAt, query.Period);
            return new MeterDataView(Gsrn.Value, query.Period, knownAt, nothing.Coverage, nothing.MissingIntervals(), null, 0, waiting);
        }

        var series = Index.Values.Any(Touches)
            ? await meterData.ReadAsync(Gsrn.Value, query.Period)
            : new MeteringPointSeries(Gsrn.Value);
        var resolved = series.AsKnownAt(knownAt, query.Period);
        return new MeterDataView(
            Gsrn.Value, query.Period, knownAt, resolved.Coverage, resolved.MissingIntervals(),
            resolved.Total().Quantity?.Value, series.Versions.Count(v => v.ReceivedAt <= knownAt));
    }

    async Task IMeteringPointGrain.ReceiveMasterDataAsync(MasterDataReceived masterData)
    {
        ArgumentNullException.ThrowIfNull(masterData);
        RequireThisPoint(masterData.Gsrn, masterData.DocumentId);
        if (state.State.MasterData.Exists(m => m.DocumentId == masterData.DocumentId))
        {
            return;
        }

        _ = MasterDataHistory.Empty.With(ToDomain(masterData)); // the domain's checks, naming what is wrong
        state.State.MasterData = state.State.MasterData.Where(m => m.ValidFrom != masterData.ValidFrom).Append(masterData).OrderBy(m => m.ValidFrom).ToList();
        await state.WriteStateAsync();
        await RecheckInvoicedAsync(From(masterData.ValidFrom));
    }

    Task<MasterDataReceived?> IMeteringPointGrain.GetMasterDataAsync(Instant at)
    {
        var valid = state.State.MasterData.Aggregate(MasterDataHistory.Empty, (history, m) => history.With(ToDomain(m))).At(at);
        return Task.FromResult(valid is null ? null : state.State.MasterData.Single(m => m.ValidFrom == valid.ValidFrom));
    }

    private MasterData ToDomain(MasterDataReceived m)
    {
        return new MasterData(Gsrn, m.Type, SettlementMethods.FromCode(m.SettlementMethod), m.GridArea, m.PriceArea, m.ValidFrom, m.Parent is { } parent ? Gsrn.Parse(parent) : null);
    }

    async Task IMeteringPointGrain.RequestSupplyChangeAsync(SupplyRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireThisPoint(request.Gsrn, request.DocumentId);
        _ = SupplyEvents.FromCode(request.ProcessCode);
        if (state.State.SupplyRequests.TryAdd(request.TransactionId, request))
        {
            KeepOnlyIfConsistent(() => state.State.SupplyRequests.Remove(request.TransactionId));
            await state.WriteStateAsync();
        }
    }

    async Task IMeteringPointGrain.AnswerSupplyChangeAsync(SupplyAnswered answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        RequireThisPoint(answer.Gsrn, answer.DocumentId);
        if (state.State.SupplyAnswers.TryAdd(answer.RequestTransactionId, answer))
        {
            KeepOnlyIfConsistent(() => state.State.SupplyAnswers.Remove(answer.RequestTransactionId));
            await state.WriteStateAsync();
            if (state.State.SupplyRequests.TryGetValue(answer.RequestTransactionId, out var request))
            {
                await RecheckInvoicedAsync(From(request.Effective));
            }
        }
    }

    Task<SupplyView> IMeteringPointGrain.GetSupplyAsync()
    {
        var requests = state.State.SupplyRequests.Values.OrderBy(r => r.Effective).ToList();
        return Task.FromResult(new SupplyView(
            Gsrn.Value,
            Supply().Periods.Select(p => new SupplyPeriodView(p.Start, p.HasEnd ? p.End : null)).ToList(),
            requests.Where(r => !state.State.SupplyAnswers.ContainsKey(r.TransactionId)).ToList(),
            requests.Select(r => state.State.SupplyAnswers.GetValueOrDefault(r.TransactionId)).OfType<SupplyAnswered>().Where(a => !a.Confirmed).ToList()));
    }

    // A confirmed change that contradicts another (a start and an end at one instant) is refused, and nothing is kept.
    private void KeepOnlyIfConsistent(Action undo)
    {
        try
        {
            _ = Supply();
        }
        catch (ArgumentException)
        {
            undo();
            throw;
        }
    }

    // Our supply periods: the confirmed requests, applied in any order (the domain decides).
    private SupplyPeriods Supply() =>
        state.State.SupplyRequests.Values
            .Where(r => state.State.SupplyAnswers.TryGetValue(r.TransactionId, out var answer) && answer.Confirmed)
            .Aggregate(SupplyPeriods.Empty, (periods, r) => periods.With(new SupplyChange(r.TransactionId, SupplyEvents.FromCode(r.ProcessCode), r.Effective)));

    async Task IMeteringPointGrain.ReceiveChargeLinksAsync(ChargeLinksReceived links)
    {
        ArgumentNullException.ThrowIfNull(links);
        RequireThisPoint(links.Gsrn, links.DocumentId);
        if (state.State.ChargeLinkDocuments.Contains(links.DocumentId))
        {
            return;
        }

        var merged = links.Links.Aggregate(ToDomain(state.State.ChargeLinks), (all, link) => all.With(ToDomain(link)));
        state.State.ChargeLinks = merged.All.Select(FromDomain).ToList();
        state.State.ChargeLinkDocuments.Add(links.DocumentId);
        await state.WriteStateAsync();
        if (links.Links.Count > 0)
        {
            await RecheckInvoicedAsync(From(links.Links.Min(l => l.From)));
        }
    }

    Task<IReadOnlyList<ChargeLinkNotice>> IMeteringPointGrain.GetChargeLinksAsync(Interval period) =>
        Task.FromResult<IReadOnlyList<ChargeLinkNotice>>(Known ? ToDomain(state.State.ChargeLinks).InForce(period).Select(FromDomain).ToList() : []);

    private ChargeLinks ToDomain(IEnumerable<ChargeLinkNotice> links) => links.Aggregate(ChargeLinks.Empty, (all, link) => all.With(ToDomain(link)));

    private ChargeLink ToDomain(ChargeLinkNotice link) =>
        new(new ChargeKey(link.OwnerGln, link.Code, ChargeTypes.FromCode(link.TypeCode)), Gsrn.Value, link.Factor, link.From, link.To);

    private static ChargeLinkNotice FromDomain(ChargeLink link) =>
        new(link.Charge.OwnerGln, link.Charge.Type.Code(), link.Charge.Code, link.Factor, link.From, link.To);

    private void RequireThisPoint(string gsrn, string documentId)
    {
        if (gsrn != Gsrn.Value)
        {
            throw new ArgumentException($"Document {documentId} concerns metering point {gsrn}, not {Gsrn}.", nameof(gsrn));
        }
    }
}
