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
/// <para>Thread-safe. Nothing is cached: a key revoked through any instance is refused by every instance from the next request on.</para>
/// </remarks>
public sealed class PostgreSqlApiKeyStore : IApiKeyStore
{

    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlApiKeyStore"/> class over a database shared with the preference store.</summary>
    /// <param name="database">The database (the caller disposes it).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlApiKeyStore(PostgreSqlDatabase database, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = timeProvider ?? TimeProvider.System;
    }

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
        return await ExecuteAsync(
            "UPDATE {s}.service_api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL",
            "revoke a key",
            cancellationToken,
            Text(id),
            Now()).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async Task<bool> AnyKeyAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql("SELECT EXISTS (SELECT 1 FROM {s}.service_api_keys)"), connection);
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

                    return Matches(reader, presentedHash) is { } tenant ? (keyId, tenant) : null;
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "authenticate a key", cancellationToken);
            }
        }
    }


    // The tenant of the key row the reader stands on, if its stored hash equals the presented key's (compared in constant time).
    private static string? Matches(NpgsqlDataReader reader, byte[] presentedHash)
        => ApiKeyFormat.HashMatches(presentedHash, reader.GetFieldValue<byte[]>(1)) ? reader.GetString(0) : null;



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
}
