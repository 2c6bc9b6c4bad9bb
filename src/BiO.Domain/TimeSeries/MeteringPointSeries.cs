using System.Collections.Immutable;
using BiO.Domain.Time;
using NodaTime;

namespace BiO.Domain.TimeSeries;

/// <summary>
/// Every version of a metering point's meter data ever received (bitemporal: valid time x received time), so
/// BiO can answer "what did we know at T" as well as "what do we know now".
/// </summary>
public sealed record MeteringPointSeries
{
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    public MeteringPointSeries(string meteringPointId, ImmutableList<SeriesVersion>? versions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meteringPointId);
        MeteringPointId = meteringPointId;
        Versions = versions ?? [];
    }

    public string MeteringPointId { get; }

    public ImmutableList<SeriesVersion> Versions { get; }

    /// <summary>A new history with <paramref name="version"/> added (nothing is ever overwritten).</summary>
    public MeteringPointSeries With(SeriesVersion version) => new(MeteringPointId, Versions.Add(version));

    /// <summary>
    /// The data of <paramref name="period"/> as known at <paramref name="knownAt"/>: for each interval the value of the
    /// newest version received at or before <paramref name="knownAt"/> (ties: the later added). Intervals nobody sent
    /// are missing. The resolution may change inside the period (PT1H to PT15M).
    /// </summary>
    /// <exception cref="ArgumentException">The period is not aligned to quarter-hours.</exception>
    public ResolvedSeries AsKnownAt(Instant knownAt, Interval period)
    {
        // Newest first, each interval taken by the first version that has it; then read in interval order from the
        // quarter-hours' owners (no sort of the values).
        var slots = Resolution.QuarterHour.CountIn(period);
        var owner = new int[slots];
        var taken = new List<(SeriesVersion Version, int Point)>(slots);
        var candidates = Versions.Select((v, i) => (v, i)).Where(x => x.v.ReceivedAt <= knownAt)
            .OrderByDescending(x => x.v.ReceivedAt).ThenByDescending(x => x.i).Select(x => x.v);
        foreach (var version in candidates)
        {
            var length = version.Resolution.FixedLength!.Value;
            var quartersPerPoint = (int)(length / Quarter);
            for (var p = 0; p < version.Points.Count; p++)
            {
                var start = StartOf(version, version.Points[p]);
                if (start < period.Start || start + length > period.End)
                {
                    continue;
                }

                var quarters = owner.AsSpan((int)((start - period.Start) / Quarter), quartersPerPoint);
                if (quarters.ContainsAnyExcept(0))
                {
                    continue; // a newer version has (part of) this interval
                }

                taken.Add((version, p));
                quarters.Fill(taken.Count);
            }
        }

        var values = new MeterValue[taken.Count];
        var next = 0;
        for (var q = 0; q < slots; q++)
        {
            if (owner[q] != 0 && (q == 0 || owner[q - 1] != owner[q]))
            {
                var (version, p) = taken[owner[q] - 1];
                var point = version.Points[p];
                var start = StartOf(version, point);
                values[next++] = new MeterValue(start, start + version.Resolution.FixedLength!.Value, point.Quantity, point.Quality, version.ReceivedAt);
            }
        }

        return new ResolvedSeries(MeteringPointId, period, knownAt, values);
    }

    private static Instant StartOf(SeriesVersion version, SeriesPoint point) =>
        version.Start + (version.Resolution.FixedLength!.Value * (point.Position - 1));
}
