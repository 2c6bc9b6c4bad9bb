using BiO.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace BiO.Integration.Tests;

public class PostgresConnectionTests
{
    [Fact]
    public void The_configured_connection_prepares_statements_and_skips_the_reset_unless_it_says_otherwise()
    {
        var configured = BiOSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db;Username=bio;Database=bio",
        }).Build()).Postgres!;
        var tuned = new NpgsqlConnectionStringBuilder(configured);
        Assert.Equal(("db", "bio", "bio"), (tuned.Host, tuned.Username, tuned.Database));
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);

        var own = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;max auto prepare=0;NoResetOnClose=false"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.False(own.NoResetOnClose);
    }
}
