namespace Penchant.Storage;

/// <summary>The shape of API keys and tenant identifiers every <see cref="IApiKeyStore"/> accepts.</summary>
public static class ApiKeyFormat
{
    /// <summary>The prefix every key starts with.</summary>
    public const string KeyPrefix = "pk_";

    /// <summary>The longest tenant identifier accepted.</summary>
    public const int MaxTenantLength = 64;

    /// <summary>Validates a tenant identifier: ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, at most <see cref="MaxTenantLength"/> characters.</summary>
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
}
