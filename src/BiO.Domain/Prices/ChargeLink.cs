using NodaTime;

namespace BiO.Domain.Prices;

/// <summary>
/// A charge link (billing master data D07, "pristilknytning"): charge <paramref name="Charge"/> applies to a metering
/// point with a factor (e.g. 2 subscriptions) over [From, To); To null means open-ended.
/// </summary>
public sealed record ChargeLink
{
    /// <exception cref="ArgumentOutOfRangeException">A factor below 1.</exception>
    /// <exception cref="ArgumentException">To not after From.</exception>
    public ChargeLink(ChargeKey charge, string meteringPointId, int factor, Instant from, Instant? to)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentException.ThrowIfNullOrWhiteSpace(meteringPointId);
        if (factor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A charge link factor is at least 1.");
        }

        if (to is { } end && end <= from)
        {
            throw new ArgumentException($"A charge link must end after it starts ({from}), got {end}.", nameof(to));
        }

        Charge = charge;
        MeteringPointId = meteringPointId;
        Factor = factor;
        From = from;
        To = to;
    }

    public ChargeKey Charge { get; }

    public string MeteringPointId { get; }

    public int Factor { get; }

    public Instant From { get; }

    public Instant? To { get; }

    public Interval Effective => new(From, To ?? Instant.MaxValue);
}
