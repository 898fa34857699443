namespace Penchant.Storage;

/// <summary>
/// Tenants of the HTTP service and their API keys: what a host needs to authenticate requests and an operator to
/// manage keys. A store backend implements it (the SQLite store keeps both in its database file).
/// </summary>
/// <remarks>
/// <para>
/// A key reads <c>pk_{keyId}_{secret}</c> (<see cref="ApiKeyFormat.KeyPrefix"/>): a public identifier and a random
/// secret. Implementations store only a hash of the whole key, never the key itself, and compare hashes in constant time.
/// </para>
/// <para>Implementations must be safe for concurrent use and must not cache: a revoked key is refused from the next call on.</para>
/// </remarks>
public interface IApiKeyStore
{
    /// <summary>Creates a tenant.</summary>
    /// <param name="tenantId">The tenant identifier (see <see cref="ApiKeyFormat.ValidateTenant"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the tenant is new; <see langword="false"/> if it already existed.</returns>
    /// <exception cref="ArgumentException">The identifier is not acceptable.</exception>
    Task<bool> CreateTenantAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Creates a key for a tenant. The key is returned once and never stored.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new key.</returns>
    /// <exception cref="ArgumentException">The identifier is not acceptable, or the tenant does not exist.</exception>
    Task<CreatedApiKey> CreateKeyAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key: requests that present it are refused from now on.</summary>
    /// <param name="keyId">The key's identifier (the part after <c>pk_</c>), or the whole key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if an active key was revoked; <see langword="false"/> if there is no such active key.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is <see langword="null"/>, empty or whitespace.</exception>
    Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Returns whether a tenant has at least one key that is not revoked (a host creates a bootstrap key for <c>default</c> when it has none).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the tenant has an active key.</returns>
    Task<bool> HasActiveKeyAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Finds the tenant of an active key.</summary>
    /// <param name="presentedKey">The key as the client sent it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key's identifier and tenant, or <see langword="null"/> when the key is malformed, unknown, wrong or revoked.</returns>
    Task<(string KeyId, string TenantId)?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default);
}
