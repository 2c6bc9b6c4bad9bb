using BiO.Domain.Money;
using BiO.Domain.Time;
using BiO.Domain.TimeSeries;
using BiO.Hosting;
using BiO.Persistence.MeterData;
using NodaTime;
using Npgsql;

namespace BiO.Integration.Tests;

/// <summary>The contract of <see cref="IMeterDataStore"/>, run against PostgreSQL and against memory.</summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class MeterDataStoreTests(Services services)
{
    public static TheoryData<string> Stores() => ["postgres", "memory"];

    private async Task<(IMeterDataStore Store, IAsyncDisposable? Resource)> NewStoreAsync(string kind)
    {
        if (kind == "memory")
        {
            return (new InMemoryMeterDataStore(), null);
        }

        var database = services.NewDatabase("meter");
        Assert.Equal(0, await BiOHost.MigrateAsync([], new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database }));
        var dataSource = NpgsqlDataSource.Create(database);
        return (new MeterDataStore(dataSource), dataSource);
    }

    private const string Gsrn = "571313000000002000";
    private static readonly LocalDate DstDay = new(2026, 3, 29); // 92 quarter-hours
    private static readonly Instant FirstReceived = Instant.FromUtc(2026, 3, 30, 6, 0);

    private static SeriesVersion Day(string id, Instant receivedAt, Func<int, SeriesPoint> point)
    {
        var day = BillingTime.Day(DstDay);
        var count = Resolution.QuarterHour.CountIn(day);
        return new SeriesVersion(id, receivedAt, day.Start, Resolution.QuarterHour, Enumerable.Range(1, count).Select(point).ToList());
    }

    private static SeriesPoint Measured(int position) => new(position, new Quantity(0.125m * position), Quality.Measured);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Versions_are_appended_once_and_read_back_exactly_with_corrections_as_known_at_each_instant(string kind)
    {
        var (store, resource) = await NewStoreAsync(kind);
        await using var _ = resource;

        var original = Day("series-1", FirstReceived, p => p == 17 ? new SeriesPoint(p, null, Quality.NotAvailable) : Measured(p));
        var correction = Day("series-2", FirstReceived + Duration.FromDays(3), p => p == 17 ? new SeriesPoint(p, new Quantity(1.5m), Quality.Estimated) : Measured(p));

        Assert.Equal(1, await store.AppendAsync([new StoredSeries(Gsrn, "doc-1", original)]));
        Assert.Equal(1, await store.AppendAsync([new StoredSeries(Gsrn, "doc-1", original), new StoredSeries(Gsrn, "doc-2", correction)]));
        Assert.Equal(0, await store.AppendAsync([new StoredSeries(Gsrn, "doc-2", correction)]));

        var series = await store.ReadAsync(Gsrn, BillingTime.Day(DstDay));
        Assert.Equal(["series-1", "series-2"], series.Versions.Select(v => v.VersionId));
        var back = series.Versions[0];
        Assert.Equal(original.ReceivedAt, back.ReceivedAt);
        Assert.Equal(original.Start, back.Start);
        Assert.Equal(original.Resolution, back.Resolution);
        Assert.Equal(original.Points, back.Points);
        Assert.Equal(92, back.Points.Count);

        var before = series.AsKnownAt(FirstReceived + Duration.FromDays(1), BillingTime.Day(DstDay));
        Assert.Equal([new Interval(original.Resolution.IntervalAt(original.Start, 17).Start, original.Resolution.IntervalAt(original.Start, 17).End)], before.MissingIntervals());
        var after = series.AsKnownAt(FirstReceived + Duration.FromDays(4), BillingTime.Day(DstDay));
        Assert.True(after.IsComplete);
        Assert.Equal(new Quantity((0.125m * (92 * 93 / 2)) - (0.125m * 17) + 1.5m), after.Total().Quantity);

        var index = await store.ReadIndexAsync(Gsrn);
        Assert.Equal(
            [new SeriesEntry("series-1", "doc-1", original.ReceivedAt, BillingTime.Day(DstDay)), new SeriesEntry("series-2", "doc-2", correction.ReceivedAt, BillingTime.Day(DstDay))],
            index);

        Assert.Empty((await store.ReadAsync(Gsrn, BillingTime.Day(DstDay.PlusDays(1)))).Versions);
        Assert.Empty((await store.ReadAsync("571313000000002001", BillingTime.Day(DstDay))).Versions);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Indexes_read_together_are_each_point_own_whether_asked_at_once_or_one_by_one_concurrently(string kind)
    {
        var (store, resource) = await NewStoreAsync(kind);
        await using var _ = resource;
        var points = Enumerable.Range(0, 40).Select(i => (571313000000003000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Point i has i % 3 versions, received i minutes apart; the last point has none.
        var stored = points.SelectMany((gsrn, i) => Enumerable.Range(0, i % 3).Select(v =>
            new StoredSeries(gsrn, $"doc-{i}-{v}", Day($"s-{i}-{v}", FirstReceived + Duration.FromMinutes(i + v), Measured)))).ToList();
        Assert.Equal(stored.Count, await store.AppendAsync(stored));

        var expected = points.ToDictionary(g => g, g => stored.Where(s => s.Gsrn == g)
            .Select(s => new SeriesEntry(s.Version.VersionId, s.DocumentId, s.Version.ReceivedAt, BillingTime.Day(DstDay))).ToList());
        var together = await store.ReadIndexesAsync([.. points, points[1]]);
        Assert.Equal(points.Order(StringComparer.Ordinal), together.Keys.Order(StringComparer.Ordinal));
        var concurrently = await Task.WhenAll(points.Select(g => Task.Run(() => store.ReadIndexAsync(g))));
        for (var i = 0; i < points.Count; i++)
        {
            Assert.Equal(expected[points[i]], together[points[i]]);
            Assert.Equal(expected[points[i]], concurrently[i]);
        }
    }
}
