using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>The number of lowercase hexadecimal characters of a key's public identifier.</summary>
    public const int KeyIdLength = 12;

    /// <summary>Draws a new key: <see cref="KeyPrefix"/>, a public identifier of <see cref="KeyIdLength"/> hexadecimal characters, <c>_</c> and 32 random bytes in base64url.</summary>
    /// <returns>The public identifier and the whole key (shown once; stores keep only its <see cref="Hash"/>).</returns>
    public static (string KeyId, string Key) NewKey()
    {
        string keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, KeyPrefix + keyId + "_" + secret);
    }

    /// <summary>Reads the public identifier of a presented key, if it has the shape <see cref="NewKey"/> gives.</summary>
    /// <param name="key">The presented key.</param>
    /// <param name="keyId">The identifier, when the key is well formed.</param>
    /// <returns>Whether the key is well formed.</returns>
    public static bool TryParseKeyId(string key, [NotNullWhen(true)] out string? keyId)
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

    /// <summary>The SHA-256 hash of a key, the only form of it a store keeps.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The hash.</returns>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Whether a stored hash is the hash of the presented key, compared in constant time.</summary>
    /// <param name="presentedHash">The <see cref="Hash"/> of the presented key.</param>
    /// <param name="storedHash">The stored hash.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool HashMatches(byte[] presentedHash, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
