using BiO.Domain.Money;
using NodaTime;

namespace BiO.Domain.TimeSeries;

/// <summary>A metered value of an interval [Start, End) as known at some instant, with the version it came from.</summary>
public readonly record struct MeterValue(Instant Start, Instant End, Quantity? Quantity, Quality Quality, Instant ReceivedAt)
{
    public bool IsMissing => !Quantity.HasValue;
}

/// <summary>A sum over an hour or a local day: null quantity when any part of it is missing.</summary>
public readonly record struct UsageSum(Instant Start, Instant End, Quantity? Quantity, QualitySet Qualities, Instant LatestReceivedAt)
{
    public bool IsMissing => !Quantity.HasValue;
}
