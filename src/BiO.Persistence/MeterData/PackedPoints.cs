using System.Buffers.Binary;
using BiO.Domain.Money;
using BiO.Domain.TimeSeries;

namespace BiO.Persistence.MeterData;

/// <summary>
/// The points of a series version as stored in <c>bio.meter_data_version.points</c> (migration 0012): 14 bytes per
/// point, big-endian: position int32, quantity int64 in thousandths of a kWh (<see cref="NoQuantity"/> for A02),
/// quality int16 (1..6 for A01..A06).
/// </summary>
public static class PackedPoints
{
    public const int BytesPerPoint = 14;

    /// <summary>The quantity of a point without one (quality A02).</summary>
    public const long NoQuantity = long.MinValue;

    public static byte[] Pack(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var bytes = new byte[points.Count * BytesPerPoint];
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var at = bytes.AsSpan(i * BytesPerPoint, BytesPerPoint);
            BinaryPrimitives.WriteInt32BigEndian(at, point.Position);
            BinaryPrimitives.WriteInt64BigEndian(at[4..], point.Quantity is { } quantity ? decimal.ToInt64(quantity.Value * 1000m) : NoQuantity);
            BinaryPrimitives.WriteInt16BigEndian(at[12..], (short)point.Quality);
        }

        return bytes;
    }

    /// <exception cref="FormatException">The bytes are not a whole number of points.</exception>
    public static SeriesPoint[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length % BytesPerPoint != 0)
        {
            throw new FormatException($"Packed meter data points are a positive multiple of {BytesPerPoint} bytes, got {bytes.Length}.");
        }

        var points = new SeriesPoint[bytes.Length / BytesPerPoint];
        for (var i = 0; i < points.Length; i++)
        {
            var at = bytes.Slice(i * BytesPerPoint, BytesPerPoint);
            var thousandths = BinaryPrimitives.ReadInt64BigEndian(at[4..]);
            points[i] = new SeriesPoint(
                BinaryPrimitives.ReadInt32BigEndian(at),
                thousandths == NoQuantity ? null : new Quantity(Thousandths(thousandths)),
                (Quality)BinaryPrimitives.ReadInt16BigEndian(at[12..]));
        }

        return points;
    }

    // A decimal with scale 3 made directly from its digits: no division.
    private static decimal Thousandths(long value)
    {
        var magnitude = value < 0 ? (ulong)-value : (ulong)value;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, 3);
    }
}
