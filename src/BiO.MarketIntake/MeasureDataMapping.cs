using BiO.Domain.Money;
using BiO.Domain.TimeSeries;
using BiO.Market.Measurements;
using BiO.Persistence.MeterData;
using NodaTime;

namespace BiO.MarketIntake;

/// <summary>From a read and validated RSM-012 to the versions the meter data store keeps.</summary>
public static class MeasureDataMapping
{
    /// <summary>One version per series: its mRID names it, <paramref name="receivedAt"/> dates it (bitemporal).</summary>
    public static IReadOnlyList<StoredSeries> ToStoredSeries(ValidatedMeasureData document, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Series
            .Select(s => new StoredSeries(
                s.MeteringPoint.Value,
                document.Header.DocumentId,
                new SeriesVersion(
                    s.SeriesId,
                    receivedAt,
                    s.Period.TimeInterval.Start,
                    s.Period.Resolution,
                    s.Period.Points.Select(p => new SeriesPoint(p.Position, p.Quantity is { } q ? new Quantity(q) : null, p.Quality)).ToList())))
            .ToList();
    }
}
