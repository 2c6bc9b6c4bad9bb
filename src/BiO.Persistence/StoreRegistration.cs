using BiO.Persistence.Invoicing;
using BiO.Persistence.Market;
using BiO.Persistence.MeterData;
using BiO.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace BiO.Persistence;

/// <summary>Registers BiO's own stores: on PostgreSQL when a connection string is given, else in memory.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddBiOStores(this IServiceCollection services, string? postgres)
    {
        services.TryAddSingleton(OutboxPolicy.Default);
        services.TryAddSingleton<IMeterDataRequests, MeterDataRequests>();
        if (postgres is not null)
        {
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(postgres));
            services.TryAddSingleton<IMeterDataStore, MeterDataStore>();
            services.TryAddSingleton<IMarketDocumentStore, MarketDocumentStore>();
            services.TryAddSingleton<IOutbox, PostgresOutbox>();
            services.TryAddSingleton<IInvoiceStore, InvoiceStore>();
        }
        else
        {
            services.TryAddSingleton<IMeterDataStore, InMemoryMeterDataStore>();
            services.TryAddSingleton<IMarketDocumentStore, InMemoryMarketDocumentStore>();
            services.TryAddSingleton<IOutbox, InMemoryOutbox>();
            services.TryAddSingleton<IInvoiceStore, InMemoryInvoiceStore>();
        }

        return services;
    }
}
