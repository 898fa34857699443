namespace Penchant.Server.Tenancy;

/// <summary>A newly created API key. <see cref="Key"/> is shown once and never stored.</summary>
/// <param name="KeyId">The key's public identifier (used to revoke it).</param>
/// <param name="TenantId">The tenant the key belongs to.</param>
/// <param name="Key">The secret key to send as <c>Authorization: Bearer …</c>.</param>
public sealed record CreatedApiKey(string KeyId, string TenantId, string Key)
{
    /// <inheritdoc/>
    public override string ToString() => $"{KeyId} ({TenantId})";
}
