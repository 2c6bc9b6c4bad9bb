using BiO.Gateway.Api;
using BiO.Hosting.Demo;
using BiO.MarketIntake;
using BiO.Persistence;
using BiO.Persistence.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Dashboard;

namespace BiO.Hosting;

/// <summary>Builds BiO's processes: a silo (with dashboard, health and, co-hosted, the gateway API) or a gateway client.</summary>
public static class BiOHost
{
    /// <summary>A silo host. <paramref name="overrides"/> win over every other configuration source (tests use them).</summary>
    public static WebApplication BuildSilo(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = CreateBuilder(args, overrides);
        var settings = BiOSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.Postgres is { } postgres)
        {
            builder.Services.AddBiOStores(postgres);
            builder.Services.AddSingleton<SchemaMigrator>();
            if (settings.Database.MigrateOnStart)
            {
                // Registered before UseOrleans, so the schema is there before the silo's providers start.
                builder.Services.AddHostedService<MigrateOnStart>();
            }
        }

        builder.UseOrleans(silo =>
        {
            silo.ConfigureBiO(settings);
            if (settings.Silo.Dashboard)
            {
                silo.AddDashboard();
            }
        });

        // One process in the embedded profile: the silo takes market documents too (the adapter's job in a cluster).
        var embedded = settings.Profile == Profile.Embedded;
        if (embedded)
        {
            builder.Services.AddMarketIntake();
        }

        builder.Services.AddBiOGateway();

        // The main job on the embedded default: a demo month through the intake and its bill run (BiO:Demo).
        builder.AddBiODemo(settings);

        var app = builder.Build();
        MapCommon(app);
        app.MapBiOGateway();
        if (embedded)
        {
            app.MapMarketIntake();
        }

        if (settings.Silo.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard");
            app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Redirect("/dashboard/"));
        }

        WarnWhenNotDurable(app, settings);
        return app;
    }

    /// <summary>The integration gateway as a separate Orleans client process.</summary>
    public static WebApplication BuildGateway(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var app = BuildClient(args, overrides, services => services.AddBiOGateway());
        app.MapBiOGateway();
        return app;
    }

    /// <summary>The market adapter as a separate Orleans client process: document intake and its replay.</summary>
    public static WebApplication BuildMarketAdapter(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var app = BuildClient(args, overrides, services => services.AddMarketIntake());
        app.MapMarketIntake();
        return app;
    }

    /// <summary>An Orleans client process (gateway, market adapter) with health at /health; the caller maps its endpoints.</summary>
    public static WebApplication BuildClient(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var builder = CreateBuilder(args, overrides);
        var settings = BiOSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.UseOrleansClient(client => client.ConfigureBiO(settings));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        MapCommon(app);
        return app;
    }

    /// <summary>Runs the schema migrations against ConnectionStrings:Postgres, creating the database if needed.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> MigrateAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = CreateBuilder(args, overrides);
        var settings = BiOSettings.From(builder.Configuration);
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var log = loggers.CreateLogger("BiO.Migrate");
        if (settings.Postgres is not { } postgres)
        {
            log.LogError("migrate needs ConnectionStrings:Postgres (env ConnectionStrings__Postgres)");
            return 2;
        }

        if (await SchemaMigrator.EnsureDatabaseAsync(postgres))
        {
            log.LogInformation("Created database {Database}", new NpgsqlConnectionStringBuilder(postgres).Database);
        }

        await using var dataSource = NpgsqlDataSource.Create(postgres);
        var report = await new SchemaMigrator(dataSource, loggers.CreateLogger<SchemaMigrator>()).MigrateAsync();
        log.LogInformation("Schema up to date: {Applied} migration(s) applied now, {Before} before", report.Applied.Count, report.AlreadyApplied);
        return 0;
    }

    private static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Orleans logs every placement through Polly at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    private static void MapCommon(WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions());
    }

    private static void WarnWhenNotDurable(WebApplication app, BiOSettings settings)
    {
        if (settings.Postgres is not null)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.Error.WriteLine(
                """

                ************************************************************************
                *  NO DATABASE CONFIGURED: grain state is kept IN MEMORY ONLY and is   *
                *  LOST when this process stops. Set ConnectionStrings__Postgres for   *
                *  durable storage (see README, "Configuration").                      *
                ************************************************************************

                """);
            app.Logger.LogWarning("No database configured: grain state is in memory only and is lost when the process stops");
        });
    }

    private sealed class MigrateOnStart(SchemaMigrator migrator, BiOSettings settings) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await SchemaMigrator.EnsureDatabaseAsync(settings.Postgres!, cancellationToken);
            await migrator.MigrateAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
