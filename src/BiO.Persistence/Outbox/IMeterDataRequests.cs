using NodaTime;

namespace BiO.Persistence.Outbox;

/// <summary>
/// Re-requests of missing meter data from DataHub (RSM-015 RequestValidatedMeasureData), kept on the outbox: one
/// request per metering point and period is pending at a time; the sender turns them into documents and the intake
/// records DataHub's answers (RSM-012 with process E30, or the reject with its reason).
/// </summary>
public interface IMeterDataRequests
{
    /// <summary>Asks for the meter data of each period (whole local days, UTC), unless a request for it is pending.</summary>
    /// <returns>How many requests were added.</returns>
    Task<int> RequestAsync(string gsrn, IReadOnlyList<Interval> periods, Instant now, CancellationToken cancellationToken = default);

    /// <summary>The requests for a metering point, newest first: pending, answered or rejected with DataHub's reason.</summary>
    Task<IReadOnlyList<MeterDataRequestView>> ForPointAsync(string gsrn, CancellationToken cancellationToken = default);
}

/// <summary>A re-request as the API and readiness show it.</summary>
public sealed record MeterDataRequestView(string Gsrn, Interval Period, OutboxState State, Instant CreatedAt, int Attempts, string? RejectReason, Instant? AnsweredAt);
