using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// Meter data for one metering point has been stored (by the market adapter, in the meter data store): the versions
/// it appended. The values stay in the store; the metering point only indexes them.
/// </summary>
[GenerateSerializer, Immutable, Alias("BiO.MeterDataArrived")]
public sealed record MeterDataArrived(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Gsrn,
    [property: Id(2)] IReadOnlyList<SeriesArrival> Series);

/// <summary>One stored series version: its mRID, when it was received, and the intervals it covers.</summary>
[GenerateSerializer, Immutable, Alias("BiO.SeriesArrival")]
public sealed record SeriesArrival(
    [property: Id(0)] string VersionId,
    [property: Id(1)] Instant ReceivedAt,
    [property: Id(2)] Interval Covers);

/// <summary>Asks what a metering point knows of a period, as known at an instant (now when null).</summary>
[GenerateSerializer, Immutable, Alias("BiO.MeterDataQuery")]
public sealed record MeterDataQuery(
    [property: Id(0)] Interval Period,
    [property: Id(1)] Instant? KnownAt = null);

/// <summary>The meter data of a period as known at an instant: coverage, exactly what is missing, and the total.</summary>
/// <param name="Total">The sum in kWh, or null while any interval is missing.</param>
[GenerateSerializer, Immutable, Alias("BiO.MeterDataView")]
public sealed record MeterDataView(
    [property: Id(0)] string Gsrn,
    [property: Id(1)] Interval Period,
    [property: Id(2)] Instant KnownAt,
    [property: Id(3)] decimal Coverage,
    [property: Id(4)] IReadOnlyList<Interval> Missing,
    [property: Id(5)] decimal? Total,
    [property: Id(6)] int Versions,
    [property: Id(7)] int AwaitingMasterData = 0);
