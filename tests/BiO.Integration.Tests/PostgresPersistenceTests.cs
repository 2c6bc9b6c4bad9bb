using BiO.Grains.MeteringPoints;
using NodaTime;
using Npgsql;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class PostgresPersistenceTests(Services services)
{
    [Fact]
    public async Task State_with_NodaTime_values_survives_a_silo_restart_on_PostgreSQL()
    {
        var database = services.NewDatabase("restart");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database, ["BiO:Silo:Dashboard"] = "false" };
        const string gsrn = "571313000000002000";
        var period = new Interval(Instant.FromUtc(2026, 10, 24, 22, 0), Instant.FromUtc(2026, 10, 25, 23, 0));
        var created = Instant.FromUtc(2026, 10, 26, 5, 0) + Duration.FromNanoseconds(42);

        MeteringPointSnapshot before;
        await using (var silo = await Host.SiloAsync(settings))
        {
            var grain = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
            await grain.ReceiveAsync(new MarketDocumentNotice("doc-dst", "E66", gsrn, period, created));
            before = await grain.GetSnapshotAsync();
        }

        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from orleans_storage where grainidextensionstring = @gsrn", gsrn));

        await using (var silo = await Host.SiloAsync(settings))
        {
            var after = await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).GetSnapshotAsync();
            Assert.Equal(before.FirstSeen, after.FirstSeen);
            Assert.Equal(before.Documents, after.Documents);
            var receipt = Assert.Single(after.Documents);
            Assert.Equal(period, receipt.Period);
            Assert.Equal(new DateInterval(new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 25)), receipt.Days);

            using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
            var api = await http.GetStringAsync(new Uri($"/api/metering-points/{gsrn}", UriKind.Relative));
            Assert.Contains("\"documentId\":\"doc-dst\"", api, StringComparison.Ordinal);
            var invalid = await http.GetAsync(new Uri("/api/metering-points/5713", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("exactly 18 digits", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var duplicate = await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).ReceiveAsync(new MarketDocumentNotice("doc-dst", "E66", gsrn, period, created));
            Assert.True(duplicate.Duplicate);
        }
    }

    internal static async Task<object?> ScalarAsync(string connectionString, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(sql.Contains("@gsrn", StringComparison.Ordinal) ? "gsrn" : "cluster", parameter);
        return await command.ExecuteScalarAsync();
    }
}
