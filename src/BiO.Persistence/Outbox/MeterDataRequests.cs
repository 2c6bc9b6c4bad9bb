using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>
/// <see cref="IMeterDataRequests"/> on the outbox: each period is one message of kind
/// <see cref="OutboxKinds.MeterDataRequest"/>, keyed by metering point and period (<see cref="MeterDataRequest.Key"/>),
/// so a period already asked for and not yet answered is not asked for again.
/// </summary>
public sealed class MeterDataRequests(IOutbox outbox) : IMeterDataRequests
{
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

    /// <remarks>The point's own re-requests by their key prefix (an index of migration 0013), newest first.</remarks>
    public async Task<IReadOnlyList<MeterDataRequestView>> ForPointAsync(string gsrn, CancellationToken cancellationToken = default)
    {
        if (!Domain.MeteringPoints.Gsrn.TryParse(gsrn, out var point, out var error))
        {
            throw new ArgumentException(error, nameof(gsrn));
        }

        var messages = await outbox.ByKeyPrefixAsync(OutboxKinds.MeterDataRequest, MeterDataRequest.KeyPrefix(point), cancellationToken);
        return messages.OrderByDescending(m => m.Id).Select(message =>
        {
            var request = MeterDataRequest.FromJson(message.Payload);
            return new MeterDataRequestView(request.Gsrn.Value, request.Period, message.State, message.CreatedAt, message.Attempts, message.RejectReason, message.AnsweredAt);
        }).ToList();
    }
}
