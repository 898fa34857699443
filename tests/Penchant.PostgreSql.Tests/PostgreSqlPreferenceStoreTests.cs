using Npgsql;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.PostgreSql;

/// <summary>What only a database server shared by many processes can get wrong: migrations racing, writers in two pools, lost connections.</summary>
public sealed class PostgreSqlPreferenceStoreTests(PostgreSqlStoreFixture fixture) : IClassFixture<PostgreSqlStoreFixture>
{
    private static readonly UserKey Alice = UserKey.Create("acme", "alice");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_FourInstancesStartAtOnce_MigrateOnceAndAllWork()
    {
        // Arrange: four pools (as four processes have) over one new schema.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        PostgreSqlPreferenceStore[] stores = [.. Enumerable.Range(0, 4).Select(_ => new PostgreSqlPreferenceStore(options))];
        try
        {
            // Act
            await Task.WhenAll(stores.Select(store => Task.Run(() => store.InitializeAsync(Ct), Ct)));
            await stores[0].CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);

            // Assert: one row per migration, and every instance sees the write.
            Assert.Equal(PostgreSqlSchema.Version, await ScalarAsync<long>(options, $"SELECT count(*) FROM {options.Schema}.schema_migrations"));
            foreach (PostgreSqlPreferenceStore store in stores)
            {
                Assert.Equal(1, (await store.GetStateAsync(Alice, Ct)).Version);
            }
        }
        finally
        {
            foreach (PostgreSqlPreferenceStore store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task InitializeAsync_SchemaFromNewerVersion_RefusesWithClearError()
    {
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using (var first = new PostgreSqlPreferenceStore(options))
        {
            await first.InitializeAsync(Ct);
        }

        await ScalarAsync<int>(options, $"INSERT INTO {options.Schema}.schema_migrations (version) VALUES (99) RETURNING version");

        await using var store = new PostgreSqlPreferenceStore(options);
        PenchantException error = await Assert.ThrowsAsync<PenchantException>(() => store.InitializeAsync(Ct));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_WritersInTwoPoolsForOneUser_NoLostUpdate()
    {
        // Arrange: two instances, each with its own connection pool, as two service processes.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var first = new PostgreSqlPreferenceStore(options);
        await using var second = new PostgreSqlPreferenceStore(options);
        PostgreSqlPreferenceStore[] stores = [first, second];
        const int Writers = 40;

        // Act: each writer reads, plans from what it read and commits, retrying on a conflict as the engine does.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(
            async () =>
            {
                IPreferenceStore store = stores[writer % 2];
                while (true)
                {
                    UserState state = await store.GetStateAsync(Alice, Ct);
                    try
                    {
                        await store.CommitAsync(Alice, new UserChange { ExpectedVersion = state.Version, Append = [Event($"e{writer}")], Upsert = [Preference($"p{writer}", "likes tea", $"e{writer}")] }, Ct);
                        return;
                    }
                    catch (ConcurrencyException)
                    {
                    }
                }
            },
            Ct)));

        // Assert
        List<PreferenceEvent> log = await ToListAsync(second.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(Enumerable.Range(1, Writers).Select(static i => (long)i), log.Select(static e => e.Sequence));
        Assert.Equal(Writers, log.Select(static e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Writers, (await first.GetStateAsync(Alice, Ct)).Preferences.Count);
    }

    [Fact]
    public async Task Operations_ServerUnreachable_ThrowStoreUnavailable()
    {
        // Nothing listens on port 1: the connection is refused, as when the server is down.
        PostgreSqlTestServer.Require();
        var options = new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=penchant;Password=penchant;Database=penchant", ConnectTimeout = TimeSpan.FromSeconds(2) };
        await using var store = new PostgreSqlPreferenceStore(options);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStateAsync(Alice, Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Database.CheckAsync(Ct));
    }

    [Fact]
    public async Task Operations_ConnectionsTerminated_FailAsUnavailableThenRecover()
    {
        // Arrange
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var store = new PostgreSqlPreferenceStore(options);
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);

        // Act: the server drops every connection of the pool (as on a restart or pg_terminate_backend).
        await ScalarAsync<long>(options, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'penchant' AND datname = current_database() AND pid <> pg_backend_pid()");
        var outcomes = new List<string>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2")] }, Ct);
                outcomes.Add("ok");
                break;
            }
            catch (StoreUnavailableException)
            {
                outcomes.Add("unavailable");
            }
        }

        // Assert: at worst one failure, reported as unavailable (a 503, never a 500), then the pool reconnects.
        Assert.Equal("ok", outcomes[^1]);
        Assert.Equal(2, (await store.GetStateAsync(Alice, Ct)).Version);
    }

    [Fact]
    public async Task CommitAsync_TextWithNulCharacter_ThrowsArgumentExceptionAndChangesNothing()
    {
        await using var store = (PostgreSqlPreferenceStore)await fixture.CreateStoreAsync(Ct);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(Alice, new UserChange { Append = [Event("e1", "tea\0coffee")] }, Ct));

        Assert.Equal(default, await store.GetLogPositionAsync(Alice, Ct));
        Assert.Empty(await ToListAsync(store.ListUsersAsync("acme", Ct), Ct));
    }

    [Fact]
    public async Task Tables_PerUserRows_AreKeyedByTenantAndUserFirst()
    {
        // Every per-user table leads its primary key with (tenant, user_id), so it can be distributed by user.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using (var store = new PostgreSqlPreferenceStore(options))
        {
            await store.InitializeAsync(Ct);
        }

        foreach (string table in new[] { "users", "events", "preferences", "user_models" })
        {
            string key = await ScalarAsync<string>(
                options,
                $"""
                SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = '{options.Schema}.{table}'::regclass AND i.indisprimary
                """);
            Assert.StartsWith("tenant,user_id", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InitializeAsync_SchemaAtVersionTwo_FillsTheMetadataIndex()
    {
        // Arrange: a current schema turned back into version 2 (no metadata index), holding preferences with metadata.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using (var store = new PostgreSqlPreferenceStore(options))
        {
            await store.CommitAsync(
                Alice,
                new UserChange
                {
                    Append = [Event("e1")],
                    Upsert = [Preference("p1") with { Metadata = new Dictionary<string, string> { ["app"] = "mail", ["source"] = "settings" } }, Preference("p2"), Preference("p3") with { Metadata = new Dictionary<string, string> { ["app"] = "chat" } }],
                },
                Ct);
        }

        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"DROP TABLE {options.Schema}.preference_metadata; DELETE FROM {options.Schema}.schema_migrations WHERE version = 3", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        // Act
        await using var upgraded = new PostgreSqlPreferenceStore(options);
        UserState found = await upgraded.GetStateAsync(Alice, MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" }), Ct);

        // Assert
        Assert.Equal(["p1"], found.Preferences.Select(static p => p.Id));
        Assert.Equal(3L, await ScalarAsync<long>(options, $"SELECT count(*) FROM {options.Schema}.preference_metadata"));
        Assert.Equal(PostgreSqlSchema.Version, await ScalarAsync<int>(options, $"SELECT max(version) FROM {options.Schema}.schema_migrations"));
    }

    private static async Task<T> ScalarAsync<T>(PostgreSqlStoreOptions options, string sql)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
