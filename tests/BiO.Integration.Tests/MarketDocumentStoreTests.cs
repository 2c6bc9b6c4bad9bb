using System.Text;
using BiO.Hosting;
using BiO.Persistence.Market;
using NodaTime;
using Npgsql;

namespace BiO.Integration.Tests;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Integration")]
public class MarketDocumentStoreTests(Services services)
{
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 3, 4, 0, 0) + Duration.FromMilliseconds(125);

    private async Task<(MarketDocumentStore Store, NpgsqlDataSource DataSource)> NewStoreAsync()
    {
        var database = services.NewDatabase("intake");
        Assert.Equal(0, await BiOHost.MigrateAsync([], new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database }));
        var dataSource = NpgsqlDataSource.Create(database);
        return (new MarketDocumentStore(dataSource), dataSource);
    }

    private static ReceivedDocument Document(string id, string body) =>
        new(id, "E66", "application/json", Encoding.UTF8.GetBytes(body), Received);

    [Fact]
    public async Task A_document_is_stored_once_and_the_same_id_again_is_a_duplicate_or_a_reused_id()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;

        Assert.Equal(StoreOutcome.Stored, await store.StoreAsync(Document("doc-1", "{\"a\":1}")));
        Assert.Equal(StoreOutcome.Duplicate, await store.StoreAsync(Document("doc-1", "{\"a\":1}")));
        Assert.Equal(StoreOutcome.IdReused, await store.StoreAsync(Document("doc-1", "{\"a\":2}")));

        var pending = Assert.Single(await store.UnpublishedAsync(10));
        Assert.Equal("doc-1", pending.DocumentId);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(pending.Body.Span));
        Assert.Equal(Received, pending.ReceivedAt);
    }

    [Fact]
    public async Task A_large_body_is_kept_compressed_with_lz4_and_read_back_as_sent()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;
        var body = "{\"Point\":[" + string.Join(",", Enumerable.Range(1, 400).Select(p => $"{{\"position\":{{\"value\":{p}}},\"quantity\":0.125}}")) + "]}";
        Assert.Equal(StoreOutcome.Stored, await store.StoreAsync(Document("doc-big", body)));

        await using var command = dataSource.CreateCommand("select pg_column_compression(body) from bio.market_document where document_id = 'doc-big'");
        Assert.Equal("lz4", await command.ExecuteScalarAsync());
        Assert.Equal(body, Encoding.UTF8.GetString(Assert.Single(await store.UnpublishedAsync(10)).Body.Span));
    }

    [Fact]
    public async Task The_intake_keys_compare_byte_by_byte_whatever_the_database_locale()
    {
        var (_, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;

        await using var command = dataSource.CreateCommand("""
            select table_name || '.' || column_name || ' ' || coalesce(collation_name, 'default') from information_schema.columns
            where table_schema = 'bio' and (table_name, column_name) in
                (('market_document', 'document_id'), ('market_document_unpublished', 'document_id'), ('meter_data_version', 'gsrn'), ('meter_data_version', 'version_id'))
            order by 1
            """);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Equal(
            ["market_document.document_id C", "market_document_unpublished.document_id C", "meter_data_version.gsrn C", "meter_data_version.version_id C"],
            columns);
    }

    [Fact]
    public async Task Documents_unpublished_before_migration_15_are_still_replayed_after_it_and_published_ones_are_not()
    {
        await using var dataSource = await SchemaMigrations.BeforeAsync(services.NewDatabase("docs15"), 15);

        await using (var insert = dataSource.CreateCommand("""
            insert into bio.market_document (document_id, document_type, content_type, body, sha256, received_at, published_at)
            values ('doc-sent', 'E66', 'application/json', '\x7b7d', '\x00', $1, $1), ('doc-waiting', 'E66', 'application/json', '\x7b7d', '\x00', $1, null)
            """))
        {
            insert.Parameters.AddWithValue(Received.ToDateTimeUtc());
            await insert.ExecuteNonQueryAsync();
        }

        await SchemaMigrations.ApplyAsync(dataSource, 15);

        var store = new MarketDocumentStore(dataSource);
        var waiting = Assert.Single(await store.UnpublishedAsync(10));
        Assert.Equal(("doc-waiting", "{}", Received), (waiting.DocumentId, Encoding.UTF8.GetString(waiting.Body.Span), waiting.ReceivedAt));
        await store.MarkPublishedAsync(["doc-waiting"]);
        Assert.Empty(await store.UnpublishedAsync(10));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_document_store_it_exactly_once()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.StoreAsync(Document("doc-race", "{}")))));

        Assert.Equal(1, outcomes.Count(o => o == StoreOutcome.Stored));
        Assert.Equal(15, outcomes.Count(o => o == StoreOutcome.Duplicate));
    }

    [Fact]
    public async Task Documents_stored_together_get_each_their_own_outcome_and_only_new_ones_are_stored()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;
        Assert.Equal(StoreOutcome.Stored, await store.StoreAsync(Document("doc-known", "{\"a\":1}")));

        var outcomes = await store.StoreManyAsync(
        [
            Document("doc-new", "{\"b\":1}"),
            Document("doc-known", "{\"a\":1}"),
            Document("doc-known", "{\"a\":2}"),
            Document("doc-new", "{\"b\":1}"),
            Document("doc-new", "{\"b\":2}"),
            Document("doc-other", "{}") with { ReceivedAt = Received + Duration.FromSeconds(1) },
        ]);

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Duplicate, StoreOutcome.IdReused, StoreOutcome.Duplicate, StoreOutcome.IdReused, StoreOutcome.Stored], outcomes);
        var pending = await store.UnpublishedAsync(10);
        Assert.Equal(["doc-known", "doc-new", "doc-other"], pending.Select(d => d.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal("{\"b\":1}", Encoding.UTF8.GetString(pending.Single(d => d.DocumentId == "doc-new").Body.Span));
        Assert.Equal(Received + Duration.FromSeconds(1), pending.Single(d => d.DocumentId == "doc-other").ReceivedAt);
    }

    [Fact]
    public async Task Concurrent_batches_with_one_document_store_it_exactly_once()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.StoreManyAsync([Document("doc-race", "{}"), Document($"doc-{i}", "{}")]))));

        Assert.Equal(1, outcomes.Count(o => o[0] == StoreOutcome.Stored));
        Assert.Equal(7, outcomes.Count(o => o[0] == StoreOutcome.Duplicate));
        Assert.All(outcomes, o => Assert.Equal(StoreOutcome.Stored, o[1]));
    }

    [Fact]
    public async Task Published_documents_leave_the_replay_list_in_arrival_order()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;
        await store.StoreAsync(Document("doc-b", "{}") with { ReceivedAt = Received + Duration.FromSeconds(1) });
        await store.StoreAsync(Document("doc-a", "{}"));
        await store.StoreAsync(Document("doc-c", "{}") with { ReceivedAt = Received + Duration.FromSeconds(2) });

        Assert.Equal(["doc-a", "doc-b", "doc-c"], (await store.UnpublishedAsync(10)).Select(d => d.DocumentId));
        await store.MarkPublishedAsync(["doc-b"]);
        Assert.Equal(["doc-a", "doc-c"], (await store.UnpublishedAsync(10)).Select(d => d.DocumentId));
        Assert.Equal(["doc-a"], (await store.UnpublishedAsync(1)).Select(d => d.DocumentId));
    }

    [Fact]
    public async Task Rejected_documents_keep_their_body_and_every_reason_newest_first()
    {
        var (store, dataSource) = await NewStoreAsync();
        await using var _ = dataSource;
        var first = await store.RejectAsync(null, "application/xml", Encoding.UTF8.GetBytes("<broken"), ["line 1, position 8: unexpected end of file"], Received);
        var second = await store.RejectAsync("doc-9", "application/json", Encoding.UTF8.GetBytes("{}"), ["Series[0]: no GSRN", "Series[1]: position 97 outside 1..96"], Received);

        var listed = await store.ListRejectedAsync(10);
        Assert.Equal([second, first], listed.Select(r => r.Id));
        Assert.Equal(["Series[0]: no GSRN", "Series[1]: position 97 outside 1..96"], listed[0].Reasons);
        Assert.Null(listed[1].DocumentId);
        Assert.Equal("<broken", Encoding.UTF8.GetString(listed[1].Body.Span));
        Assert.Equal([first], (await store.ListRejectedAsync(10, before: second)).Select(r => r.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RejectAsync("doc-10", "application/json", new byte[1], [], Received));
    }
}
