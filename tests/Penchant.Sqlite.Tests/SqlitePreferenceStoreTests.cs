using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Storage.Conformance;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Sqlite;

/// <summary>The conformance suite on real files, plus what only a SQLite file can get wrong.</summary>
public sealed class SqlitePreferenceStoreTests(SqliteStoreFixture fixture)
    : PreferenceStoreConformanceTests<SqliteStoreFixture>(fixture)
{
    private static readonly UserKey Alice = UserKey.Create("acme", "alice");
    private static readonly UserKey Bob = UserKey.Create("acme", "bob");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_ReopenExistingFile_IsIdempotentAndKeepsData()
    {
        // Arrange
        string path = Fixture.NewPath();
        var preference = Preference("p1", "likes tea", "e1");
        await using (var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }))
        {
            await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [preference] }, Ct);
        }

        // Act
        await using var reopened = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await reopened.InitializeAsync(Ct);
        await reopened.InitializeAsync(Ct);

        // Assert
        var state = await reopened.GetStateAsync(Alice, Ct);
        Assert.Equal(1, state.Version);
        AssertSame(preference, Assert.Single(state.Preferences));
        AssertSame(Event("e1") with { Sequence = 1 }, Assert.Single(await ToListAsync(reopened.ReadEventsAsync(Alice, 0, Ct), Ct)));
        Assert.Equal(SqlitePreferenceStore.SchemaVersion, await PragmaAsync(path, "user_version"));
    }

    [Fact]
    public async Task CommitAsync_DisposeAndReopen_LaterCommitsContinue()
    {
        string path = Fixture.NewPath();
        await using (var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }))
        {
            await store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")] }, Ct);
        }

        await using var reopened = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await Assert.ThrowsAsync<ConcurrencyException>(() => reopened.CommitAsync(Alice, new UserChange { ExpectedVersion = 0, Append = [Event("e3")] }, Ct));
        var appended = await reopened.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Append = [Event("e3")] }, Ct);

        Assert.Equal(3, Assert.Single(appended).Sequence);
        Assert.Equal(["alice"], await ToListAsync(reopened.ListUsersAsync("acme", Ct), Ct));
    }

    [Fact]
    public async Task InitializeAsync_NewFile_UsesWriteAheadLog()
    {
        string path = Fixture.NewPath();
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });

        await store.InitializeAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(path, "journal_mode"));
    }

    [Fact]
    public async Task Connections_HaveDurableAndSecureSettings()
    {
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = Fixture.NewPath(), BusyTimeout = TimeSpan.FromSeconds(7) });

        // synchronous=FULL (2): an acknowledged commit survives power loss; secure_delete overwrites erased content.
        Assert.Equal(2L, await store.ReadPragmaAsync("synchronous", Ct));
        Assert.Equal(1L, await store.ReadPragmaAsync("secure_delete", Ct));
        Assert.Equal(1L, await store.ReadPragmaAsync("foreign_keys", Ct));
        Assert.Equal(7000L, await store.ReadPragmaAsync("busy_timeout", Ct));
        Assert.Equal("wal", await store.ReadPragmaAsync("journal_mode", Ct));
    }

    [Fact]
    public async Task InitializeAsync_MissingDirectory_CreatesIt()
    {
        string path = Path.Combine(Fixture.Directory, "missing", "nested", "store.db");
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });

        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.DataSource);
    }

    [Theory]
    [InlineData("not a database")]
    [InlineData("This is a plain text file, long enough to cover SQLite's 100-byte header and then some more text, so the header check fails.\n")]
    public async Task InitializeAsync_TextFile_ThrowsPenchantExceptionNamingThePath(string content)
    {
        string path = Fixture.NewPath();
        Directory.CreateDirectory(Fixture.Directory);
        await File.WriteAllTextAsync(path, content, Ct);
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<PenchantException>(() => store.InitializeAsync(Ct));
        var lazy = await Assert.ThrowsAsync<PenchantException>(() => store.GetStateAsync(Alice, Ct));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);
        Assert.Contains(path, lazy.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path, Ct));
    }

    [Fact]
    public async Task InitializeAsync_NewerSchemaVersion_ThrowsPenchantException()
    {
        string path = Fixture.NewPath();
        await using (var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }))
        {
            await store.InitializeAsync(Ct);
        }

        await ExecuteAsync(path, "PRAGMA user_version = 99;");
        await using var reopened = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<PenchantException>(() => reopened.InitializeAsync(Ct));

        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_VersionOneFile_UpgradesAndKeepsItsEvents()
    {
        // Arrange: a file as schema version 1 wrote it (no data column), holding one event.
        string path = Fixture.NewPath();
        Directory.CreateDirectory(Fixture.Directory);
        await ExecuteAsync(
            path,
            """
            CREATE TABLE users (tenant TEXT NOT NULL, user TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant, user));
            CREATE TABLE events (tenant TEXT NOT NULL, user TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, kind INTEGER NOT NULL,
                role TEXT, text TEXT, scope TEXT, target TEXT, at TEXT NOT NULL, redacted INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (tenant, user, seq), UNIQUE (tenant, user, id));
            CREATE TABLE preferences (tenant TEXT NOT NULL, user TEXT NOT NULL, id TEXT NOT NULL, ordinal INTEGER NOT NULL,
                payload TEXT NOT NULL, embedding BLOB, PRIMARY KEY (tenant, user, id));
            INSERT INTO users VALUES ('acme', 'alice', 1);
            INSERT INTO events VALUES ('acme', 'alice', 1, 'e1', 0, NULL, 'I like tea', NULL, NULL, '2026-03-01T09:00:00.0000000+00:00', 0);
            PRAGMA user_version = 1;
            """);

        // Act
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [new PreferenceEvent { Id = "e2", Text = "x", Data = "{}", At = DateTimeOffset.UnixEpoch }] }, Ct);

        // Assert
        var log = new List<PreferenceEvent>();
        await foreach (var item in store.ReadEventsAsync(Alice, 0, Ct))
        {
            log.Add(item);
        }

        Assert.Equal(["I like tea", "x"], log.Select(e => e.Text));
        Assert.Equal([null, "{}"], log.Select(e => e.Data));
        Assert.Equal(SqlitePreferenceStore.SchemaVersion, await PragmaAsync(path, "user_version"));
        Assert.Equal(1, await store.SaveModelAsync("acme", "ranking", new byte[] { 7 }, 0, Ct));
        Assert.Equal(new byte[] { 7 }, (await store.GetModelAsync("acme", "ranking", Ct))!.Payload.ToArray());
    }

    [Fact]
    public async Task InitializeAsync_VersionFourFile_FillsTheMetadataIndexAndAddsTheOutbox()
    {
        // Arrange: a current file turned back into version 4 (no metadata index, no webhook tables), holding preferences with metadata.
        string path = Fixture.NewPath();
        var mail = new Dictionary<string, string> { ["app"] = "mail", ["source"] = "settings" };
        await using (var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }))
        {
            await store.CommitAsync(
                Alice,
                new UserChange { Append = [Event("e1")], Upsert = [Preference("p1") with { Metadata = mail }, Preference("p2"), Preference("p3") with { Metadata = new Dictionary<string, string> { ["app"] = "chat" } }] },
                Ct);
        }

        SqliteConnection.ClearAllPools();
        await ExecuteAsync(path, "DROP TABLE preference_metadata; DROP TABLE webhook_attempts; DROP TABLE webhook_deliveries; DROP TABLE webhooks; PRAGMA user_version = 4;");

        // Act
        await using var upgraded = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        UserState found = await upgraded.GetStateAsync(Alice, MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" }), Ct);

        // Assert
        Assert.Equal(["p1"], found.Preferences.Select(static p => p.Id));
        Assert.Equal(SqlitePreferenceStore.SchemaVersion, await PragmaAsync(path, "user_version"));
        IReadOnlyList<(string User, string Key, string Value, string PreferenceId)> rows = await Fixture.ReadMetadataIndexAsync(upgraded, "acme", Ct);
        Assert.Equal(["alice|app|chat|p3", "alice|app|mail|p1", "alice|source|settings|p1"], rows.Select(static r => $"{r.User}|{r.Key}|{r.Value}|{r.PreferenceId}").Order(StringComparer.Ordinal));
        Assert.Equal(3L, await ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'webhook%';"));
    }

    [Fact]
    public async Task InitializeAsync_CurrentFile_RunsNoSchemaStatements()
    {
        // Arrange: a current file from which the webhook tables were removed behind the store's back.
        string path = Fixture.NewPath();
        await using (var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }))
        {
            await store.InitializeAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        await ExecuteAsync(path, "DROP TABLE webhook_attempts;");

        // Act: opening the file again (the preference store, then the webhook store) reads its version and stops there.
        await using var reopened = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await reopened.InitializeAsync(Ct);
        await new SqliteWebhookStore(path).InitializeAsync(Ct);

        // Assert
        Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = 'webhook_attempts';"));
        Assert.Equal(SqlitePreferenceStore.SchemaVersion, await PragmaAsync(path, "user_version"));
    }

    [Fact]
    public async Task SqliteWebhookStore_NewFile_CreatesTheWholeCurrentSchema()
    {
        string path = Fixture.NewPath();

        await new SqliteWebhookStore(path).InitializeAsync(Ct);

        Assert.Equal(SqlitePreferenceStore.SchemaVersion, await PragmaAsync(path, "user_version"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = 'preference_metadata';"));
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1") with { Metadata = new Dictionary<string, string> { ["app"] = "mail" } }] }, Ct);
        Assert.Single((await store.GetStateAsync(Alice, MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" }), Ct)).Preferences);
    }

    [Fact]
    public async Task DeleteUserAsync_SecureDelete_TextBytesAreGoneFromTheFile()
    {
        // Arrange
        string path = Fixture.NewPath();
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        const string aliceSecret = "alice-secret-7f3c9a: I am allergic to penicillin";
        const string bobText = "bob-visible-2d8e41: I like trains";
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1", aliceSecret, "alice-scope-5b1f")], Upsert = [Preference("p1", aliceSecret + " (preference)")] }, Ct);
        await store.CommitAsync(Bob, new UserChange { Append = [Event("e1", bobText)] }, Ct);
        Assert.True(FileContains(path, "alice-secret-7f3c9a"));

        // Act
        Assert.True(await store.DeleteUserAsync(Alice, Ct));

        // Assert
        Assert.False(FileContains(path, "alice-secret-7f3c9a"));
        Assert.False(FileContains(path, "alice-scope-5b1f"));
        Assert.True(FileContains(path, "bob-visible-2d8e41"));
        await store.DisposeAsync();
        Assert.False(FileContains(path, "alice-secret-7f3c9a"));
        Assert.True(FileContains(path, "bob-visible-2d8e41"));
    }

    [Fact]
    public async Task CommitAsync_RedactAndDelete_TextBytesAreGoneFromTheFile()
    {
        string path = Fixture.NewPath();
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1", "forget-me-91ac: I live at 12 Elm St"), Event("e2", "keep-me-44b0")], Upsert = [Preference("p1", "forget-me-pref-0c3d")] }, Ct);
        Assert.True(FileContains(path, "forget-me-91ac"));

        await store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Redact = ["e1"], Delete = ["p1"] }, Ct);

        Assert.False(FileContains(path, "forget-me-91ac"));
        Assert.False(FileContains(path, "forget-me-pref-0c3d"));
        Assert.True(FileContains(path, "keep-me-44b0"));
    }

    [Fact]
    public async Task CheckIntegrityAsync_HealthyFile_ReturnsTrue()
    {
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = Fixture.NewPath() });
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1")] }, Ct);

        Assert.True(await store.CheckIntegrityAsync(Ct));
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposedException()
    {
        var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = Fixture.NewPath() });
        await store.InitializeAsync(Ct);
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetStateAsync(Alice, Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync(Alice, new UserChange(), Ct));
        Assert.Throws<ObjectDisposedException>(() => store.ReadEventsAsync(Alice, 0, Ct));
    }

    [Fact]
    public async Task ConnectionString_SharedInMemoryDatabase_KeepsDataForTheStoreLifetime()
    {
        string name = "penchant-" + Guid.NewGuid().ToString("N");
        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { ConnectionString = $"Data Source={name};Mode=Memory;Cache=Shared" });

        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1")] }, Ct);
        await store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2")], Redact = ["e1"] }, Ct);

        var state = await store.GetStateAsync(Alice, Ct);
        Assert.Equal(2, state.Version);
        Assert.Single(state.Preferences);
        Assert.True((await ToListAsync(store.ReadEventsAsync(Alice, 0, Ct), Ct))[0].Redacted);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("a.db", "Data Source=b.db")]
    [InlineData(null, "Data Source=:memory:")]
    [InlineData(null, "Data Source=x;Mode=Memory")]
    public void Constructor_InvalidOptions_ThrowsArgumentException(string? path, string? connectionString)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SqlitePreferenceStore(new SqliteStoreOptions { Path = path, ConnectionString = connectionString }));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new SqlitePreferenceStore(null!));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public async Task AddPenchantSqliteStore_CalledTwice_RegistersOneSingletonForTheFirstPath()
    {
        string path = Fixture.NewPath();
        var services = new ServiceCollection();

        services.AddPenchantSqliteStore(path).AddPenchantSqliteStore(Fixture.NewPath());

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var store = provider.GetRequiredService<IPreferenceStore>();
        await using (var scope = provider.CreateAsyncScope())
        {
            Assert.Same(store, scope.ServiceProvider.GetRequiredService<IPreferenceStore>());
        }

        Assert.Same(store, provider.GetRequiredService<SqlitePreferenceStore>());
        Assert.Equal(path, ((SqlitePreferenceStore)store).DataSource);
        Assert.Single(services, d => d.ServiceType == typeof(IPreferenceStore));
        await store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);
        Assert.Equal(1, (await store.GetStateAsync(Alice, Ct)).Version);
    }

    [Fact]
    public void AddPenchantSqliteStore_InvalidArguments_ThrowWithParameterNames()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => SqliteServiceCollectionExtensions.AddPenchantSqliteStore(null!, "x.db")).ParamName);
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddPenchantSqliteStore(" ")).ParamName);
    }

    private static bool FileContains(string path, string marker)
    {
        byte[] needle = Encoding.UTF8.GetBytes(marker);
        foreach (string file in new[] { path, path + "-wal", path + "-journal" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            if (memory.GetBuffer().AsSpan(0, (int)memory.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<object?> PragmaAsync(string path, string pragma)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        object? value = await command.ExecuteScalarAsync(Ct);
        return value is long number ? (int)number : value;
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
