using System.Diagnostics;
using Npgsql;

namespace BiO.Integration.Tests;

/// <summary>
/// The real PostgreSQL and Azurite the tests use: those named by BIO_TEST_POSTGRES and BIO_TEST_AZURITE (as .ci/run
/// exports them), else the local ones of deploy/local/services.sh, started here if they are not running and then
/// stopped again. Each test gets its own database and cluster id, so tests never see each other's data.
/// </summary>
public sealed class Services : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> databases = [];
    private bool startedHere;

    public string Postgres { get; private set; } = "";

    public string AzureQueues { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("BIO_TEST_POSTGRES");
        var azurite = Environment.GetEnvironmentVariable("BIO_TEST_AZURITE");
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(azurite))
        {
            startedHere = await RunScriptAsync("status", throwOnError: false) is null;
            var lines = await RunScriptAsync("start", throwOnError: true) ?? "";
            postgres = Value(lines, "BIO_TEST_POSTGRES");
            azurite = Value(lines, "BIO_TEST_AZURITE");
        }

        Postgres = postgres;
        AzureQueues = azurite;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var database in databases)
            {
                await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        if (startedHere)
        {
            await RunScriptAsync("stop", throwOnError: false);
        }
    }

    /// <summary>A connection string to a fresh database of its own (created by the migration on first use, dropped at the end).</summary>
    public string NewDatabase(string purpose)
    {
        var name = $"bio_{purpose}_{Guid.NewGuid():N}"[..40];
        databases.Add(name);
        // Each test database gets its own pools in every host of the test: idle connections are closed soon, so that
        // finished tests do not hold PostgreSQL's connections.
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 2 }.ConnectionString;
    }

    private static string Value(string lines, string name)
    {
        var line = lines.Split('\n').Single(l => l.StartsWith(name + "=", StringComparison.Ordinal));
        return line[(name.Length + 1)..].Trim().Trim('\'');
    }

    private static async Task<string?> RunScriptAsync(string verb, bool throwOnError)
    {
        var script = Path.Combine(RepoRoot(), "deploy", "local", "services.sh");
        var info = new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0)
        {
            return await stdout;
        }

        return throwOnError
            ? throw new InvalidOperationException($"deploy/local/services.sh {verb} failed ({process.ExitCode}); set BIO_TEST_POSTGRES and BIO_TEST_AZURITE or fix the local services:\n{await stderr}")
            : null;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BiO.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BiO.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<Services>
{
    public const string Name = "PostgreSQL and Azurite";
}
