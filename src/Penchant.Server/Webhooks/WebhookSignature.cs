using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Penchant.Server.Webhooks;

/// <summary>
/// Signs deliveries: <c>Penchant-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" under the webhook's secret}</c>.
/// A receiver recomputes the HMAC over the raw body, compares in constant time, and rejects timestamps too far from its clock.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "Penchant-Signature";

    /// <summary>The header that names the event type.</summary>
    public const string EventHeader = "Penchant-Event";

    /// <summary>The header that carries the delivery's identifier (the same on every attempt, for de-duplication by the receiver).</summary>
    public const string DeliveryHeader = "Penchant-Delivery";

    /// <summary>Computes the signature header's value.</summary>
    /// <param name="secret">The webhook's secret.</param>
    /// <param name="timestamp">The time of signing.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <returns>The header value.</returns>
    public static string Sign(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(t.Length + 1));
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }
}
