using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>
/// <see cref="IMeterDataRequests"/> on the outbox: each period is one message of kind
/// <see cref="OutboxKinds.MeterDataRequest"/>, keyed by metering point and period (<see cref="MeterDataRequest.Key"/>),
/// so a period already asked for and not yet answered is not asked for again.
/// </summary>
public sealed class MeterDataRequests(IOutbox outbox) : IMeterDataRequests
{
    private const int Page = 500;

    /// <exception cref="ArgumentException">The GSRN is not 18 digits or a period is not whole local days (nothing is added then).</exception>
    public async Task<int> RequestAsync(string gsrn, IReadOnlyList<Interval> periods, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var requests = periods.Select(p => MeterDataRequest.Of(gsrn, p)).ToList();
        var added = 0;
        foreach (var request in requests)
        {
            if (await outbox.EnqueueAsync(request.ToMessage(), now, cancellationToken))
            {
                added++;
            }
        }

        return added;
    }

    /// <remarks>Reads the outbox's re-requests a page at a time, newest first, and keeps those of the point.</remarks>
    public async Task<IReadOnlyList<MeterDataRequestView>> ForPointAsync(string gsrn, CancellationToken cancellationToken = default)
    {
        if (!Domain.MeteringPoints.Gsrn.TryParse(gsrn, out var point, out var error))
        {
            throw new ArgumentException(error, nameof(gsrn));
        }

        var prefix = MeterDataRequest.KeyPrefix(point);
        var views = new List<MeterDataRequestView>();
        long? before = null;
        while (true)
        {
            var page = await outbox.ListAsync(null, OutboxKinds.MeterDataRequest, Page, before, cancellationToken);
            foreach (var message in page.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var request = MeterDataRequest.FromJson(message.Payload);
                views.Add(new MeterDataRequestView(request.Gsrn.Value, request.Period, message.State, message.CreatedAt, message.Attempts, message.RejectReason, message.AnsweredAt));
            }

            if (page.Count < Page)
            {
                return views;
            }

            before = page[^1].Id;
        }
    }
}
