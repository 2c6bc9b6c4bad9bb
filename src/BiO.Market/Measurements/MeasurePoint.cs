using BiO.Domain.TimeSeries;

namespace BiO.Market.Measurements;

/// <summary>
/// One point of a meter data series (<c>Point</c>).
/// </summary>
/// <param name="Position">1-based position in the period: the interval [start + (Position-1)·resolution, +resolution).</param>
/// <param name="Quantity">kWh with at most 3 decimals; null when the document carries none (A02 not available).</param>
/// <param name="Quality">The quality; an absent quality in the document reads as A04 (as provided).</param>
public readonly record struct MeasurePoint(int Position, decimal? Quantity, Quality Quality);
