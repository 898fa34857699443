using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>
/// Tenants and their API keys, kept in two tables of the store's PostgreSQL schema (<c>service_tenants</c>,
/// <c>service_api_keys</c>), so every service instance over the database accepts the same keys.
/// </summary>
/// <remarks>
/// <para>
/// A key reads <c>pk_{keyId}_{secret}</c>: a 12-hex-digit public identifier and 32 random bytes (base64url). Only the
/// SHA-256 of the whole key is stored; a presented key is looked up by its identifier and its hash compared in
/// constant time, so the database never holds a usable key and a lookup leaks nothing about other keys.
/// </para>
/// <para>
/// A verified key is cached for <see cref="PostgreSqlStoreOptions.ApiKeyCacheDuration"/> (30 seconds by default), so a
/// request with a known key does not ask the database. A revocation commits a notification with it (<c>pg_notify</c> in
/// the same transaction) that every instance hears on a <c>LISTEN</c> connection of its own and drops the key at once:
/// a revoked key is refused everywhere within milliseconds, and within the cache duration in every case (a revocation
/// written by hand, without the notification). An instance trusts its cache only while its listening connection is up
/// and only for keys it verified since that connection was established; while it is down, every request reads its key.
/// Unknown and revoked keys are never cached.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlApiKeyStore : IApiKeyStore, IAsyncDisposable, IDisposable
{
    private const int MaxCachedKeys = 10_000;

    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheDuration;
    private readonly string _channel;
    private readonly PostgreSqlListener? _listener;
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);
    private long _revocations;
    private long _lookups;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlApiKeyStore"/> class over a database shared with the preference store.</summary>
    /// <param name="database">The database (the caller disposes it).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlApiKeyStore(PostgreSqlDatabase database, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = timeProvider ?? TimeProvider.System;
        _cacheDuration = database.Options.ApiKeyCacheDuration;
        _channel = database.Channel("keys");
        _listener = _cacheDuration > TimeSpan.Zero ? new PostgreSqlListener(database, _channel, Revoked) : null;
    }

    /// <summary>Gets a value indicating whether the cache of verified keys is trusted now (its listening connection is up).</summary>
    internal bool CacheTrusted => _listener is { IsListening: true };

    /// <summary>Gets the server process of the listening connection (0 when there is none), for tests that cut it.</summary>
    internal int ListenerProcessId => _listener?.ProcessId ?? 0;

    /// <summary>Gets the number of key lookups that went to the database (a test tells cache hits from lookups with it).</summary>
    internal long Lookups => Interlocked.Read(ref _lookups);

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<bool> CreateTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ApiKeyFormat.ValidateTenant(tenantId);
        return await ExecuteAsync(
            "INSERT INTO {s}.service_tenants (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            "create a tenant",
            cancellationToken,
            Text(tenantId),
            Now()).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<CreatedApiKey> CreateKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ApiKeyFormat.ValidateTenant(tenantId);
        (string keyId, string key) = ApiKeyFormat.NewKey();
        int rows = await ExecuteAsync(
            "INSERT INTO {s}.service_api_keys (key_id, tenant, hash, created_at) SELECT $1, id, $3, $4 FROM {s}.service_tenants WHERE id = $2",
            "create a key",
            cancellationToken,
            Text(keyId),
            Text(tenantId),
            new NpgsqlParameter<byte[]> { TypedValue = ApiKeyFormat.Hash(key) },
            Now()).ConfigureAwait(false);
        if (rows != 1)
        {
            throw new ArgumentException($"There is no tenant '{tenantId}'; create it first (penchant tenant create {tenantId}).", nameof(tenantId));
        }

        return new CreatedApiKey(keyId, tenantId, key);
    }

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        string id = ApiKeyFormat.TryParseKeyId(keyId, out string? parsed) ? parsed : keyId;
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                // One implicit transaction: the notification is sent if and only if the revocation commits, and every
                // instance that listens drops the key from its cache when it hears it.
                using NpgsqlBatch batch = new(connection);
                NpgsqlBatchCommand revoke = new(_database.Sql("UPDATE {s}.service_api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL"));
                revoke.Parameters.Add(Text(id));
                revoke.Parameters.Add(Now());
                NpgsqlBatchCommand notify = new("SELECT pg_notify($1, $2)");
                notify.Parameters.Add(Text(_channel));
                notify.Parameters.Add(Text(id));
                batch.BatchCommands.Add(revoke);
                batch.BatchCommands.Add(notify);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                Revoked(id);
                return revoke.Rows == 1;
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "revoke a key", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<bool> HasActiveKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql("SELECT EXISTS (SELECT 1 FROM {s}.service_api_keys WHERE tenant = $1 AND revoked_at IS NULL)"), connection);
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = tenantId });
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "look for keys", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<(string KeyId, string TenantId)?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (presentedKey is null || !ApiKeyFormat.TryParseKeyId(presentedKey, out string? keyId))
        {
            return null;
        }

        byte[] presentedHash = ApiKeyFormat.Hash(presentedKey);
        if (_listener is not null)
        {
            _listener.EnsureStarted();
            if (_cache.TryGetValue(keyId, out CachedKey? cached)
                && _listener.IsListening
                && cached.Epoch == _listener.Epoch
                && _time.GetUtcNow() < cached.Expires)
            {
                // The cached hash is the stored one: a wrong secret with a known identifier is refused here too.
                return ApiKeyFormat.HashMatches(presentedHash, cached.Hash) ? (keyId, cached.TenantId) : null;
            }
        }

        // Read before the lookup: what the lookup finds may be cached only if no revocation was heard and the listening
        // connection stayed up (one epoch) from before the lookup to after the entry is in the cache.
        long epoch = _listener?.Epoch ?? 0;
        bool listening = _listener?.IsListening ?? false;
        long revocations = Interlocked.Read(ref _revocations);
        (string KeyId, string TenantId, byte[] Hash)? found = await LookUpAsync(keyId, presentedHash, cancellationToken).ConfigureAwait(false);
        if (found is not { } key)
        {
            return null;
        }

        if (listening)
        {
            if (_cache.Count >= MaxCachedKeys)
            {
                _cache.Clear();
            }

            _cache[keyId] = new CachedKey(key.TenantId, key.Hash, epoch, _time.GetUtcNow() + _cacheDuration);
            if (Interlocked.Read(ref _revocations) != revocations || _listener!.Epoch != epoch)
            {
                // A revocation (of any key) may have been heard between the lookup and now: do not keep what it may contradict.
                _cache.TryRemove(keyId, out _);
            }
        }

        return (key.KeyId, key.TenantId);
    }

    /// <summary>Stops listening for revocations.</summary>
    /// <returns>A task that completes when the listening connection is closed.</returns>
    public ValueTask DisposeAsync() => _listener?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Stops listening for revocations.</summary>
    public void Dispose() => _listener?.Dispose();

    // A revocation heard (or made here): the key leaves the cache, and lookups in flight do not put it back.
    private void Revoked(string keyId)
    {
        Interlocked.Increment(ref _revocations);
        _cache.TryRemove(keyId, out _);
    }

    private async Task<(string KeyId, string TenantId, byte[] Hash)?> LookUpAsync(string keyId, byte[] presentedHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql("SELECT tenant, hash FROM {s}.service_api_keys WHERE key_id = $1 AND revoked_at IS NULL"), connection);
                command.Parameters.Add(Text(keyId));
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    byte[] stored = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false);
                    return ApiKeyFormat.HashMatches(presentedHash, stored) ? (keyId, reader.GetString(0), stored) : null;
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "authenticate a key", cancellationToken);
            }
        }
    }

    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    private NpgsqlParameter<DateTimeOffset> Now() => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = _time.GetUtcNow() };

    private async Task<int> ExecuteAsync(string sql, string operation, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql(sql), connection);
                command.Parameters.AddRange(parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, operation, cancellationToken);
            }
        }
    }

    private sealed record CachedKey(string TenantId, byte[] Hash, long Epoch, DateTimeOffset Expires);
}
