using System.Diagnostics.Metrics;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// The silo's meter data instruments (meter <see cref="MeterName"/>), for monitoring and the intake benchmark:
/// <c>bio.meter_data.series_heard</c> counts the series (metering point-days, mostly) the metering point grains have
/// taken into their index as they were told of them.
/// </summary>
public static class MeterDataMetrics
{
    /// <summary>The name of the grains' meter.</summary>
    public const string MeterName = "BiO.Grains";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Heard = Meter.CreateCounter<long>("bio.meter_data.series_heard", "{series}", "Meter data series the metering point grains were told of");

    internal static void SeriesHeard(int count) => Heard.Add(count);
}
