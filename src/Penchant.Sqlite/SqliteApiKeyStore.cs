using System.Globalization;
using Microsoft.Data.Sqlite;
using Penchant.Storage;

namespace Penchant.Sqlite;

/// <summary>
/// Tenants and their API keys, kept in two tables of the SQLite database file (<c>service_tenants</c>,
/// <c>service_api_keys</c>) that this class creates itself, outside the preference store's schema versions.
/// </summary>
/// <remarks>
/// <para>
/// A key reads <c>pk_{keyId}_{secret}</c>: a 12-hex-digit public identifier and 32 random bytes (base64url). Only the
/// SHA-256 of the whole key is stored; a presented key is looked up by its identifier and its hash compared in
/// constant time, so the database never holds a usable key and a lookup leaks nothing about other keys.
/// </para>
/// <para>Thread-safe. Nothing is cached: a revoked key is refused from the next request on.</para>
/// </remarks>
public sealed class SqliteApiKeyStore : IApiKeyStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS service_tenants (
            id         TEXT NOT NULL PRIMARY KEY,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS service_api_keys (
            key_id     TEXT NOT NULL PRIMARY KEY,
            tenant     TEXT NOT NULL REFERENCES service_tenants (id),
            hash       BLOB NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );
        """;

    private readonly SqliteSideTables _tables;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="SqliteApiKeyStore"/> class. No file is touched until first use.</summary>
    /// <param name="databasePath">The SQLite file (the preference database).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is <see langword="null"/>, empty or whitespace.</exception>
    public SqliteApiKeyStore(string databasePath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _tables = new SqliteSideTables(databasePath, SqliteSideTables.Ddl(Schema), createDirectory: false);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<bool> CreateTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ApiKeyFormat.ValidateTenant(tenantId);
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "INSERT OR IGNORE INTO service_tenants (id, created_at) VALUES ($id, $at);";
                command.Parameters.AddWithValue("$id", tenantId);
                command.Parameters.AddWithValue("$at", Now());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<CreatedApiKey> CreateKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ApiKeyFormat.ValidateTenant(tenantId);
        (string keyId, string key) = ApiKeyFormat.NewKey();
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = """
                    INSERT INTO service_api_keys (key_id, tenant, hash, created_at)
                    SELECT $keyId, id, $hash, $at FROM service_tenants WHERE id = $tenant;
                    """;
                command.Parameters.AddWithValue("$keyId", keyId);
                command.Parameters.AddWithValue("$tenant", tenantId);
                command.Parameters.AddWithValue("$hash", ApiKeyFormat.Hash(key));
                command.Parameters.AddWithValue("$at", Now());
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new ArgumentException($"There is no tenant '{tenantId}'; create it first (penchant tenant create {tenantId}).", nameof(tenantId));
                }
            }
        }

        return new CreatedApiKey(keyId, tenantId, key);
    }

    /// <inheritdoc/>
    public async Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        string id = ApiKeyFormat.TryParseKeyId(keyId, out string? parsed) ? parsed : keyId;
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "UPDATE service_api_keys SET revoked_at = $at WHERE key_id = $id AND revoked_at IS NULL;";
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$at", Now());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> HasActiveKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT EXISTS (SELECT 1 FROM service_api_keys WHERE tenant = $tenant AND revoked_at IS NULL);";
                command.Parameters.AddWithValue("$tenant", tenantId);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<(string KeyId, string TenantId)?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (presentedKey is null || !ApiKeyFormat.TryParseKeyId(presentedKey, out string? keyId))
        {
            return null;
        }

        byte[] presentedHash = ApiKeyFormat.Hash(presentedKey);
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT tenant, hash FROM service_api_keys WHERE key_id = $id AND revoked_at IS NULL;";
                command.Parameters.AddWithValue("$id", keyId);
                SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    string tenant = reader.GetString(0);
                    byte[] storedHash = (byte[])reader.GetValue(1);
                    return ApiKeyFormat.HashMatches(presentedHash, storedHash) ? (keyId, tenant) : null;
                }
            }
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
