using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>
/// What instances over one database may keep in memory without asking the database each time: verified API keys (dropped
/// everywhere when a revocation is heard, and trusted only while the listening connection is up), and users' states
/// (checked against the log position, in batches shared by concurrent reads, never one sent before a read asked).
/// </summary>
/// <remarks>
/// The key stores' clocks are frozen (<see cref="FakeTimeProvider"/>), so a cached key never expires by itself in these
/// tests: a key refused after it was cached was dropped by a notification or by the loss of the listening connection.
/// </remarks>
public sealed class CacheInvalidationTests(PostgreSqlStoreFixture fixture) : IClassFixture<PostgreSqlStoreFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevokedKey_IsRefusedByTheOtherInstance_WhenItHearsTheRevocation()
    {
        // Arrange: two instances; B verifies the key once, then answers from its cache.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var databaseA = new PostgreSqlDatabase(options);
        await using var databaseB = new PostgreSqlDatabase(options);
        await using var a = new PostgreSqlApiKeyStore(databaseA, new FakeTimeProvider());
        await using var b = new PostgreSqlApiKeyStore(databaseB, new FakeTimeProvider());
        await a.CreateTenantAsync("acme", Ct);
        CreatedApiKey key = await a.CreateKeyAsync("acme", Ct);
        await CachedAsync(b, key);
        long lookups = b.Lookups;
        Assert.Equal((key.KeyId, "acme"), await b.AuthenticateAsync(key.Key, Ct));
        Assert.Equal(lookups, b.Lookups);                                   // answered from the cache

        // Act
        Assert.True(await a.RevokeKeyAsync(key.KeyId, Ct));

        // Assert: B refuses the key once the notification arrives (its clock is frozen: the entry never expires by itself).
        Assert.True(await EventuallyAsync(async () => await b.AuthenticateAsync(key.Key, Ct) is null));
        Assert.Null(await b.AuthenticateAsync(key.Key, Ct));
    }

    [Fact]
    public async Task CachedKey_WithAWrongSecret_IsRefused()
    {
        // Arrange
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var database = new PostgreSqlDatabase(options);
        await using var store = new PostgreSqlApiKeyStore(database, new FakeTimeProvider());
        await store.CreateTenantAsync("acme", Ct);
        CreatedApiKey key = await store.CreateKeyAsync("acme", Ct);
        await CachedAsync(store, key);
        long lookups = store.Lookups;

        // Act
        (string, string)? forged = await store.AuthenticateAsync(key.Key[..^1] + (key.Key[^1] == 'a' ? 'b' : 'a'), Ct);

        // Assert
        Assert.Null(forged);
        Assert.Equal(lookups, store.Lookups);                               // refused by the cached hash
    }

    [Fact]
    public async Task LosingTheListener_DropsWhatTheCacheLearnt_AndFallsBackToLookups()
    {
        // Arrange: B has the key cached; then its listening connection is cut, and the key is revoked by hand, with no
        // notification at all: only the loss of the listener can make B look again.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var databaseA = new PostgreSqlDatabase(options);
        await using var databaseB = new PostgreSqlDatabase(options);
        await using var a = new PostgreSqlApiKeyStore(databaseA, new FakeTimeProvider());
        await using var b = new PostgreSqlApiKeyStore(databaseB, new FakeTimeProvider());
        await a.CreateTenantAsync("acme", Ct);
        CreatedApiKey key = await a.CreateKeyAsync("acme", Ct);
        await CachedAsync(b, key);
        int listener = b.ListenerProcessId;
        await ExecuteAsync(options, "SELECT pg_terminate_backend($1)", listener);
        await ExecuteAsync(options, $"UPDATE {options.Schema}.service_api_keys SET revoked_at = now() WHERE key_id = $1", key.KeyId);
        Assert.True(await EventuallyAsync(() => Task.FromResult(b.ListenerProcessId != listener)));   // B noticed the loss

        // Act
        long lookups = b.Lookups;
        (string, string)? afterLoss = await b.AuthenticateAsync(key.Key, Ct);

        // Assert: the lookup went to the database and found the revocation; the listener comes back on a new connection.
        Assert.Null(afterLoss);
        Assert.Equal(lookups + 1, b.Lookups);
        Assert.True(await EventuallyAsync(() => Task.FromResult(b.CacheTrusted && b.ListenerProcessId != listener && b.ListenerProcessId != 0)));
    }

    [Fact]
    public async Task CacheTurnedOff_EveryRequestLooksUpItsKey()
    {
        // Arrange: a store with ApiKeyCacheDuration zero has no listener and trusts no cache.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var database = new PostgreSqlDatabase(options);
        await using var setup = new PostgreSqlApiKeyStore(database);
        await setup.CreateTenantAsync("acme", Ct);
        CreatedApiKey key = await setup.CreateKeyAsync("acme", Ct);
        PostgreSqlStoreOptions uncached = new() { ConnectionString = options.ConnectionString, Schema = options.Schema, ApiKeyCacheDuration = TimeSpan.Zero };
        await using var uncachedDatabase = new PostgreSqlDatabase(uncached);
        await using var store = new PostgreSqlApiKeyStore(uncachedDatabase, new FakeTimeProvider());

        // Act
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal((key.KeyId, "acme"), await store.AuthenticateAsync(key.Key, Ct));
        }

        // Assert
        Assert.False(store.CacheTrusted);
        Assert.Equal(3, store.Lookups);
    }

    [Fact]
    public async Task ConcurrentReads_ShareRoundTrips_AndSeeTheOtherInstancesWrites()
    {
        // Arrange: two engines; B has cached 40 users.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using ServiceProvider first = PostgreSqlStoreFixture.CreateInstance(options);
        await using ServiceProvider second = PostgreSqlStoreFixture.CreateInstance(options);
        IPenchant a = first.GetRequiredService<IPenchant>();
        IPenchant b = second.GetRequiredService<IPenchant>();
        PostgreSqlPreferenceStore storeB = second.GetRequiredService<PostgreSqlPreferenceStore>();
        UserKey[] users = [.. Enumerable.Range(0, 40).Select(static i => new UserKey("acme", $"u{i}"))];
        foreach (UserKey user in users)
        {
            await a.RememberAsync(user, new Statement("I am vegetarian."), Ct);
            Assert.Single(await b.ListAsync(user, Ct));
        }

        // Act: A writes for every user; then B reads all of them at once, five times over.
        foreach (UserKey user in users)
        {
            await a.RememberAsync(user, new Statement("Always answer in metric units."), Ct);
        }

        long batchesBefore = storeB.LogPositionBatches;
        IReadOnlyList<Preference>[] seen = await Task.WhenAll(
            Enumerable.Range(0, 5).SelectMany(_ => users).Select(user => Task.Run(() => b.ListAsync(user, Ct), Ct)));
        long batches = storeB.LogPositionBatches - batchesBefore;

        // Assert: every read saw A's write; 200 checks went in far fewer round trips.
        Assert.All(seen, static preferences => Assert.Equal(2, preferences.Count));
        Assert.InRange(batches, 1, 100);
    }

    [Fact]
    public async Task ReadsThatJoinABatch_SeeWritesAcknowledgedBeforeTheyAsked()
    {
        // Arrange: B is kept busy with reads of other users, so its checks are batched all along.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using ServiceProvider first = PostgreSqlStoreFixture.CreateInstance(options);
        await using ServiceProvider second = PostgreSqlStoreFixture.CreateInstance(options);
        IPenchant a = first.GetRequiredService<IPenchant>();
        IPenchant b = second.GetRequiredService<IPenchant>();
        var probe = new UserKey("acme", "probe");
        var busy = new UserKey("acme", "busy");
        await a.RememberAsync(busy, new Statement("I am vegetarian."), Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task[] noise = [.. Enumerable.Range(0, 8).Select(_ => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await b.ListAsync(busy, Ct);
                }
            },
            Ct))];

        // Act: A writes, and B's very next read must show it; 30 times.
        int seen = 0;
        for (int i = 1; i <= 30; i++)
        {
            await a.RememberAsync(probe, new Statement($"Topic number {i} deserves a preference of its own, {i * 13} times over."), Ct);
            seen += Fingerprint(await b.ListAsync(probe, Ct)) == Fingerprint(await a.ListAsync(probe, Ct)) ? 1 : 0;
        }

        await stop.CancelAsync();
        await Task.WhenAll(noise);

        // Assert
        Assert.Equal(30, seen);
    }

    // What every write changes: each statement's event becomes a source of a preference it creates or reinforces.
    private static string Fingerprint(IReadOnlyList<Preference> preferences) => string.Join('|', preferences.Select(static p => $"{p.Id}:{p.Sources.Count}:{p.SupersededBy}"));

    // Authenticates until the store's listener is up and the key is in its cache (a cache hit does no lookup).
    private static async Task CachedAsync(PostgreSqlApiKeyStore store, CreatedApiKey key)
    {
        Assert.True(await EventuallyAsync(async () =>
        {
            Assert.Equal((key.KeyId, "acme"), await store.AuthenticateAsync(key.Key, Ct));
            long lookups = store.Lookups;
            Assert.Equal((key.KeyId, "acme"), await store.AuthenticateAsync(key.Key, Ct));
            return store.CacheTrusted && store.Lookups == lookups;
        }));
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        DateTimeOffset giveUp = TimeProvider.System.GetUtcNow() + Patience;
        while (TimeProvider.System.GetUtcNow() < giveUp)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20, Ct);
        }

        return false;
    }

    private static async Task ExecuteAsync(PostgreSqlStoreOptions options, string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync(Ct);
    }
}
