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
        var slots = Resolution.QuarterHour.CountIn(period);
        var owner = new int[slots];
        var values = new List<MeterValue>();
        var candidates = Versions.Select((v, i) => (v, i)).Where(x => x.v.ReceivedAt <= knownAt)
            .OrderByDescending(x => x.v.ReceivedAt).ThenByDescending(x => x.i).Select(x => x.v);
        foreach (var version in candidates)
        {
            var length = version.Resolution.FixedLength!.Value;
            var quartersPerPoint = (int)(length / Quarter);
            foreach (var point in version.Points)
            {
                var start = version.Start + (length * (point.Position - 1));
                var end = start + length;
                if (start < period.Start || end > period.End)
                {
                    continue;
                }

                var first = (int)((start - period.Start) / Quarter);
                var free = true;
                for (var q = first; q < first + quartersPerPoint; q++)
                {
                    free &= owner[q] == 0;
                }

                if (!free)
                {
                    continue;
                }

                values.Add(new MeterValue(start, end, point.Quantity, point.Quality, version.ReceivedAt));
                for (var q = first; q < first + quartersPerPoint; q++)
                {
                    owner[q] = values.Count;
                }
            }
        }

        values.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new ResolvedSeries(MeteringPointId, period, knownAt, values);
    }
}
