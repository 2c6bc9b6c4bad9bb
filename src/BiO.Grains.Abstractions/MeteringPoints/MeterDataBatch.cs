using System.IO.Compression;
using NodaTime;

namespace BiO.Grains.MeteringPoints;

/// <summary>
/// Meter data notices for the metering points of one partition (from one or more documents), packed: a compact binary
/// form, compressed. A queue message costs the queue service the same whatever it holds, and its 64 KiB hold a few
/// hundred notices as the serializer writes them but thousands packed (ids share their prefixes, instants are near).
/// </summary>
[GenerateSerializer, Immutable, Alias("BiO.MeterDataBatch")]
public sealed record MeterDataBatch([property: Id(0)] byte[] Packed)
{
    private const byte Format = 1;

    /// <summary>Packs <paramref name="arrivals"/>.</summary>
    public static MeterDataBatch Of(IReadOnlyList<MeterDataArrived> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        using var plain = new MemoryStream();
        using (var writer = new BinaryWriter(plain, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var previous = new Instants();
            writer.Write7BitEncodedInt(arrivals.Count);
            foreach (var arrival in arrivals)
            {
                writer.Write(arrival.DocumentId);
                writer.Write(arrival.Gsrn);
                writer.Write7BitEncodedInt(arrival.Series.Count);
                foreach (var series in arrival.Series)
                {
                    writer.Write(series.VersionId);
                    previous.Write(writer, series);
                }
            }
        }

        // Compressed in one piece: fed a few bytes at a time, the fastest Brotli compresses next to nothing.
        using var packed = new MemoryStream();
        packed.WriteByte(Format);
        using (var compressor = new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(plain.GetBuffer().AsSpan(0, (int)plain.Length));
        }

        return new MeterDataBatch(packed.ToArray());
    }

    /// <summary>The notices, as packed.</summary>
    public IReadOnlyList<MeterDataArrived> Unpack()
    {
        using var packed = new MemoryStream(Packed, writable: false);
        if (packed.ReadByte() != Format)
        {
            throw new InvalidDataException($"A meter data batch of format {Packed.FirstOrDefault()} is not known; this silo reads format {Format}.");
        }

        using var reader = new BinaryReader(new BrotliStream(packed, CompressionMode.Decompress));
        var previous = new Instants();
        var arrivals = new MeterDataArrived[reader.Read7BitEncodedInt()];
        for (var i = 0; i < arrivals.Length; i++)
        {
            var documentId = reader.ReadString();
            var gsrn = reader.ReadString();
            var series = new SeriesArrival[reader.Read7BitEncodedInt()];
            for (var s = 0; s < series.Length; s++)
            {
                series[s] = previous.Read(reader, reader.ReadString());
            }

            arrivals[i] = new MeterDataArrived(documentId, gsrn, series);
        }

        return arrivals;
    }

    /// <summary>
    /// The notices packed into batches of at most <paramref name="maxBytes"/> each, in order: halved until they fit, a
    /// single notice of many series into notices of fewer (a metering point takes each series once, however told).
    /// </summary>
    public static IReadOnlyList<MeterDataBatch> Within(IReadOnlyList<MeterDataArrived> arrivals, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var batch = Of(arrivals);
        if (batch.Packed.Length <= maxBytes || arrivals is [{ Series.Count: <= 1 }])
        {
            return [batch];
        }

        IReadOnlyList<MeterDataArrived> first, second;
        if (arrivals is [var single])
        {
            var half = single.Series.Count / 2;
            (first, second) = ([single with { Series = single.Series.Take(half).ToList() }], [single with { Series = single.Series.Skip(half).ToList() }]);
        }
        else
        {
            var half = arrivals.Count / 2;
            (first, second) = (arrivals.Take(half).ToList(), arrivals.Skip(half).ToList());
        }

        return [.. Within(first, maxBytes), .. Within(second, maxBytes)];
    }

    // Instants as nanoseconds since the epoch, each written as the difference from its kind's previous one (notices
    // that arrive together were received moments apart and cover the same day): a byte or a few instead of eight.
    private struct Instants
    {
        private long receivedAt;
        private long start;
        private long end;

        public void Write(BinaryWriter writer, SeriesArrival series)
        {
            WriteDelta(writer, ref receivedAt, series.ReceivedAt);
            WriteDelta(writer, ref start, series.Covers.Start);
            WriteDelta(writer, ref end, series.Covers.End);
        }

        public SeriesArrival Read(BinaryReader reader, string versionId) =>
            new(versionId, ReadDelta(reader, ref receivedAt), new Interval(ReadDelta(reader, ref start), ReadDelta(reader, ref end)));

        private static void WriteDelta(BinaryWriter writer, ref long previous, Instant instant)
        {
            var nanoseconds = (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
            var delta = nanoseconds - previous;
            writer.Write7BitEncodedInt64((delta << 1) ^ (delta >> 63)); // zig-zag: small either way
            previous = nanoseconds;
        }

        private static Instant ReadDelta(BinaryReader reader, ref long previous)
        {
            var zigZag = reader.Read7BitEncodedInt64();
            previous += (long)((ulong)zigZag >> 1) ^ -(zigZag & 1);
            return NodaConstants.UnixEpoch + Duration.FromNanoseconds(previous);
        }
    }
}
