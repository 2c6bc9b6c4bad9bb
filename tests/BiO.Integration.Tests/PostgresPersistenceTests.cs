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
        var validFrom = Instant.FromUtc(2026, 10, 24, 22, 0) + Duration.FromNanoseconds(42);
        var master = new MasterDataReceived("e07-dst", gsrn, "E17", "D01", "344", "DK1", Instant.FromUtc(2026, 10, 24, 22, 0), null);
        var link = new ChargeLinkNotice("5790000610976", "D03", "40000", 1, Instant.FromUtc(2026, 10, 24, 22, 0), validFrom + Duration.FromDays(400));

        MeteringPointSnapshot before;
        await using (var silo = await Host.SiloAsync(settings))
        {
            var grain = silo.Client.GetGrain<IMeteringPointGrain>(gsrn);
            await grain.ReceiveMasterDataAsync(master);
            await grain.ReceiveChargeLinksAsync(new ChargeLinksReceived("d07-dst", gsrn, [link]));
            before = await grain.GetSnapshotAsync(validFrom + Duration.FromDays(1));
        }

        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from orleans_storage where grainidextensionstring = @gsrn", gsrn));

        await using (var silo = await Host.SiloAsync(settings))
        {
            var after = await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).GetSnapshotAsync(validFrom + Duration.FromDays(1));
            Assert.Equal(master, after.MasterData);
            Assert.Equal(before.ChargeLinks, after.ChargeLinks);
            Assert.Equal([link], after.ChargeLinks);

            using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
            var api = await http.GetStringAsync(new Uri($"/api/metering-points/{gsrn}", UriKind.Relative));
            Assert.Contains("\"gsrn\":\"571313000000002000\"", api, StringComparison.Ordinal);
            var invalid = await http.GetAsync(new Uri("/api/metering-points/5713", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("exactly 18 digits", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).ReceiveMasterDataAsync(master with { PriceArea = "DK2" }); // same document id
            Assert.Equal("DK1", (await silo.Client.GetGrain<IMeteringPointGrain>(gsrn).GetMasterDataAsync(validFrom))!.PriceArea);
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
