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

    [Fact]
    public async Task Points_keep_negative_large_and_missing_quantities_and_read_alike_in_sql()
    {
        var (store, resource) = await NewStoreAsync("postgres");
        await using var _ = resource;
        var quantities = new decimal?[] { -0.001m, 0m, 999_999_999_999_999.999m, -123_456_789.5m, null, 42.042m };
        var qualities = new[] { Quality.Adjusted, Quality.Estimated, Quality.Measured, Quality.Incomplete, Quality.NotAvailable, Quality.Calculated };
        var points = quantities.Select((q, i) => new SeriesPoint(i + 3, q is { } v ? new Quantity(v) : null, qualities[i])).ToList();
        var hourly = new SeriesVersion("series-h", FirstReceived, BillingTime.Day(DstDay).Start, Resolution.Hour, points);
        Assert.Equal(1, await store.AppendAsync([new StoredSeries(Gsrn, "doc-h", hourly)]));

        var back = (await store.ReadAsync(Gsrn, BillingTime.Day(DstDay))).Versions.Single();
        Assert.Equal(points, back.Points);
        Assert.Equal([new SeriesEntry("series-h", "doc-h", FirstReceived, new Interval(
            Resolution.Hour.IntervalAt(hourly.Start, 3).Start, Resolution.Hour.IntervalAt(hourly.Start, 8).End))], await store.ReadIndexAsync(Gsrn));

        var dataSource = (NpgsqlDataSource)resource!;
        Assert.Equal(points.Select(p => $"{p.Position} {p.Quantity?.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {(short)p.Quality}"), await SqlPointsAsync(dataSource));
    }

    [Fact]
    public async Task Versions_stored_as_arrays_before_migration_12_read_back_unchanged_after_it()
    {
        await using var dataSource = await SchemaMigrations.BeforeAsync(services.NewDatabase("meter12"), 12);

        await using (var insert = dataSource.CreateCommand("""
            insert into bio.meter_data_version (gsrn, version_id, document_id, received_at, start_at, end_at, resolution, positions, quantities, qualities)
            values ($1, 'series-old', 'doc-old', $2, $3, $4, 'PT15M', '{1,2,3}', '{1.125,null,-0.5}', '{1,2,3}')
            """))
        {
            insert.Parameters.AddWithValue(Gsrn);
            insert.Parameters.AddWithValue(FirstReceived.ToDateTimeUtc());
            insert.Parameters.AddWithValue(BillingTime.Day(DstDay).Start.ToDateTimeUtc());
            insert.Parameters.AddWithValue((BillingTime.Day(DstDay).Start + Duration.FromMinutes(45)).ToDateTimeUtc());
            await insert.ExecuteNonQueryAsync();
        }

        await SchemaMigrations.ApplyAsync(dataSource, 12);

        var back = (await new MeterDataStore(dataSource).ReadAsync(Gsrn, BillingTime.Day(DstDay))).Versions.Single();
        Assert.Equal([new SeriesPoint(1, new Quantity(1.125m), Quality.Adjusted), new SeriesPoint(2, null, Quality.NotAvailable), new SeriesPoint(3, new Quantity(-0.5m), Quality.Estimated)], back.Points);
        Assert.Equal(["1 1.125 1", "2 - 2", "3 -0.500 3"], await SqlPointsAsync(dataSource));
    }

    private static async Task<List<string>> SqlPointsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            select format('%s %s %s', p.point, coalesce(p.quantity::text, '-'), p.quality)
            from bio.meter_data_version v cross join lateral bio.meter_points(v.points) p order by p.point
            """);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
