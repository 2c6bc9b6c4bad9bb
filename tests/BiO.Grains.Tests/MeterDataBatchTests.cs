using BiO.Grains.MeteringPoints;
using NodaTime;

namespace BiO.Grains.Tests;

/// <summary>The packed form of meter data notices: exact round trips, far smaller than the serializer's, and split to fit.</summary>
public class MeterDataBatchTests
{
    private static readonly Instant Midnight = Instant.FromUtc(2026, 11, 30, 23, 0);

    // A day's notices as the intake sends them: one series per metering point, received microseconds apart.
    private static List<MeterDataArrived> Day(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var gsrn = (571313000100000000L + i * 7L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var receivedAt = Instant.FromUtc(2026, 12, 1, 6, 0) + Duration.FromNanoseconds(i * 173_411L);
            return new MeterDataArrived($"rsm012-{i:D6}", gsrn, [new SeriesArrival($"s-{gsrn}", receivedAt, new Interval(Midnight, Midnight + Duration.FromDays(1)))]);
        }).ToList();

    private static void AssertSame(IReadOnlyList<MeterDataArrived> expected, IReadOnlyList<MeterDataArrived> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].DocumentId, expected[i].Gsrn), (actual[i].DocumentId, actual[i].Gsrn));
            Assert.Equal(expected[i].Series, actual[i].Series);
        }
    }

    [Fact]
    public void Notices_round_trip_exactly_whatever_their_instants()
    {
        var far = Instant.FromUtc(2200, 1, 1, 0, 0) + Duration.FromNanoseconds(1);
        var arrivals = new List<MeterDataArrived>
        {
            new("d-1", "571313000000000001", [
                new SeriesArrival("s-late", far, new Interval(Midnight, far)),
                new SeriesArrival("s-early", Instant.FromUtc(1900, 1, 1, 0, 0) - Duration.FromNanoseconds(1), new Interval(Instant.FromUtc(1899, 12, 31, 23, 0), Midnight)),
            ]),
            new("d-2 æøå", "571313000000000002", []),
            new("d-3", "571313000000000003", [new SeriesArrival(new string('x', 300), Midnight, new Interval(Midnight, Midnight + Duration.FromMinutes(15)))]),
        };

        AssertSame(arrivals, MeterDataBatch.Of(arrivals).Unpack());
        AssertSame([], MeterDataBatch.Of([]).Unpack());
    }

    [Fact]
    public void A_thousand_notices_of_a_day_pack_into_a_fraction_of_a_queue_message()
    {
        var arrivals = Day(1000);
        var batch = MeterDataBatch.Of(arrivals);

        AssertSame(arrivals, batch.Unpack());
        Assert.True(batch.Packed.Length < 10 * 1024, $"{batch.Packed.Length} bytes for 1000 notices");
    }

    [Fact]
    public void Notices_beyond_the_bytes_of_a_message_are_split_in_order()
    {
        var arrivals = Day(1000);
        var whole = MeterDataBatch.Of(arrivals).Packed.Length;

        var batches = MeterDataBatch.Within(arrivals, whole / 3);

        Assert.True(batches.Count >= 3, $"{batches.Count} batches");
        Assert.All(batches, b => Assert.True(b.Packed.Length <= whole / 3));
        AssertSame(arrivals, batches.SelectMany(b => b.Unpack()).ToList());
        Assert.Single(MeterDataBatch.Within(arrivals, whole));
    }

    [Fact]
    public void A_notice_of_more_series_than_a_message_holds_is_split_into_notices_of_fewer()
    {
        var day = Day(1000);
        var single = new MeterDataArrived("rsm012-year", day[0].Gsrn, day.SelectMany(a => a.Series).ToList());
        var whole = MeterDataBatch.Of([single]).Packed.Length;

        var batches = MeterDataBatch.Within([single], whole / 3);

        Assert.True(batches.Count >= 3, $"{batches.Count} batches");
        Assert.All(batches, b => Assert.True(b.Packed.Length <= whole / 3));
        var notices = batches.SelectMany(b => b.Unpack()).ToList();
        Assert.All(notices, n => Assert.Equal((single.DocumentId, single.Gsrn), (n.DocumentId, n.Gsrn)));
        Assert.Equal(single.Series, notices.SelectMany(n => n.Series).ToList());
    }

    [Fact]
    public void A_batch_of_an_unknown_format_is_refused_with_its_format()
    {
        var packed = MeterDataBatch.Of(Day(1)).Packed.ToArray();
        packed[0] = 9;

        var error = Assert.Throws<InvalidDataException>(() => new MeterDataBatch(packed).Unpack());
        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
    }
}
