namespace Penchant.Storage;

/// <summary>A newly created API key (<see cref="IApiKeyStore.CreateKeyAsync"/>). <see cref="Key"/> is shown once and never stored.</summary>
/// <param name="KeyId">The key's public identifier (used to revoke it).</param>
/// <param name="TenantId">The tenant the key belongs to.</param>
/// <param name="Key">The secret key to send as <c>Authorization: Bearer …</c>.</param>
/// <remarks><see cref="ToString"/> leaves the secret out, so the record can be logged.</remarks>
public sealed record CreatedApiKey(string KeyId, string TenantId, string Key)
{
    /// <inheritdoc/>
    public override string ToString() => $"{KeyId} ({TenantId})";
}
