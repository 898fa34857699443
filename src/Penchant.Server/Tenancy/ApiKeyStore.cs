using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Penchant.Server.Tenancy;

/// <summary>
/// Tenants and their API keys, kept in two tables of the service's SQLite file (<c>service_tenants</c>,
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
public sealed class ApiKeyStore
{
    /// <summary>The prefix every key starts with.</summary>
    public const string KeyPrefix = "pk_";

    /// <summary>The longest tenant identifier accepted.</summary>
    public const int MaxTenantLength = 64;

    private const int KeyIdLength = 12;

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

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Initializes a new instance of the <see cref="ApiKeyStore"/> class. No file is touched until first use.</summary>
    /// <param name="databasePath">The SQLite file (the service's preference database).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public ApiKeyStore(string databasePath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a tenant.</summary>
    /// <param name="tenantId">The tenant identifier: letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, at most 64 characters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the tenant is new; <see langword="false"/> if it already existed.</returns>
    /// <exception cref="ArgumentException">The identifier is not acceptable.</exception>
    public async Task<bool> CreateTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ValidateTenant(tenantId);
        await using SqliteConnection connection = await OpenAsync(write: true, cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO service_tenants (id, created_at) VALUES ($id, $at);";
        command.Parameters.AddWithValue("$id", tenantId);
        command.Parameters.AddWithValue("$at", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Creates a key for a tenant. The key is returned once and never stored.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new key.</returns>
    /// <exception cref="ArgumentException">The tenant does not exist.</exception>
    public async Task<CreatedApiKey> CreateKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ValidateTenant(tenantId);
        string keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        string key = KeyPrefix + keyId + "_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using SqliteConnection connection = await OpenAsync(write: true, cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO service_api_keys (key_id, tenant, hash, created_at)
            SELECT $keyId, id, $hash, $at FROM service_tenants WHERE id = $tenant;
            """;
        command.Parameters.AddWithValue("$keyId", keyId);
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$hash", Hash(key));
        command.Parameters.AddWithValue("$at", Now());
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ArgumentException($"There is no tenant '{tenantId}'; create it first (penchant tenant create {tenantId}).", nameof(tenantId));
        }

        return new CreatedApiKey(keyId, tenantId, key);
    }

    /// <summary>Revokes a key: requests that present it are refused from now on.</summary>
    /// <param name="keyId">The key's identifier (the part after <c>pk_</c>), or the whole key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if an active key was revoked; <see langword="false"/> if there is no such active key.</returns>
    public async Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        string id = TryParse(keyId, out string? parsed) ? parsed : keyId;
        await using SqliteConnection connection = await OpenAsync(write: true, cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "UPDATE service_api_keys SET revoked_at = $at WHERE key_id = $id AND revoked_at IS NULL;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Returns whether any key, active or revoked, exists.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> once a key was ever created.</returns>
    public async Task<bool> AnyKeyAsync(CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(write: false, cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM service_api_keys);";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Finds the tenant of an active key.</summary>
    /// <param name="presentedKey">The key as the client sent it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key's identifier and tenant, or <see langword="null"/> when the key is malformed, unknown, wrong or revoked.</returns>
    public async Task<(string KeyId, string TenantId)?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (presentedKey is null || !TryParse(presentedKey, out string? keyId))
        {
            return null;
        }

        byte[] presentedHash = Hash(presentedKey);
        await using SqliteConnection connection = await OpenAsync(write: false, cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT tenant, hash FROM service_api_keys WHERE key_id = $id AND revoked_at IS NULL;";
        command.Parameters.AddWithValue("$id", keyId);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string tenant = reader.GetString(0);
        byte[] storedHash = (byte[])reader.GetValue(1);
        return CryptographicOperations.FixedTimeEquals(presentedHash, storedHash) ? (keyId, tenant) : null;
    }

    /// <summary>Validates a tenant identifier.</summary>
    /// <param name="tenantId">The identifier.</param>
    /// <exception cref="ArgumentException">The identifier is empty, too long or has characters other than letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</exception>
    public static void ValidateTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (tenantId.Length > MaxTenantLength)
        {
            throw new ArgumentException($"A tenant identifier may be at most {MaxTenantLength} characters long.", nameof(tenantId));
        }

        foreach (char c in tenantId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException("A tenant identifier may contain only ASCII letters, digits, '-', '_' and '.'.", nameof(tenantId));
            }
        }
    }

    private static bool TryParse(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (key.Length < KeyPrefix.Length + KeyIdLength + 2 || key.Length > 200 || !key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key[KeyPrefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        ReadOnlySpan<char> id = key.AsSpan(KeyPrefix.Length, KeyIdLength);
        foreach (char c in id)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        keyId = id.ToString();
        return true;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_initialized)
        {
            await _initLock.WaitAsync(cancellationToken);
            try
            {
                if (!_initialized)
                {
                    await using SqliteCommand command = connection.CreateCommand();
                    command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;" + Schema;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    _initialized = true;
                }
            }
            finally
            {
                _initLock.Release();
            }
        }

        if (write)
        {
            await using SqliteCommand pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }
}
