using System.Security.Cryptography;
using System.Text;

namespace Penchant.Engine;

/// <summary>
/// Idempotency keys: a key deterministically names the events its write appends, so a retry finds them in the user's log
/// and answers with them instead of writing again, even across a crash or another process.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Rejects a key that is empty, longer than <see cref="MaxLength"/> or not printable ASCII.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentException">The key is malformed.</exception>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"An idempotency key must be 1 to {MaxLength} characters long.", nameof(key));
        }

        foreach (char c in key)
        {
            if (c is < '!' or > '~')
            {
                throw new ArgumentException("An idempotency key may contain only printable ASCII characters.", nameof(key));
            }
        }
    }

    /// <summary>Derives the identifier of the <paramref name="index"/>-th event a keyed write appends.</summary>
    /// <param name="operation">The operation the key is scoped to (<see cref="Signals.SignalCodec.Operation"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="index">The event's position in the write.</param>
    /// <returns>The event identifier.</returns>
    public static string EventId(string operation, string key, int index)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(key);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"penchant-idempotency\0{operation}\0{key}"));
        return $"ev_i{Convert.ToHexStringLower(hash.AsSpan(0, 16))}_{index}";
    }
}
