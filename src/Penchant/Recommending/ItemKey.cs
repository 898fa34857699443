using System.Text;

namespace Penchant.Recommending;

/// <summary>
/// The 64-bit key of an item identifier (FNV-1a over its trimmed UTF-8 bytes): what a user's sequence keeps instead of
/// the identifier itself, so a user's stored part holds no text.
/// </summary>
internal static class ItemKey
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>Returns the key of an item identifier; identifiers equal after trimming share it.</summary>
    /// <param name="item">The identifier.</param>
    /// <returns>The key.</returns>
    public static ulong Of(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ReadOnlySpan<char> trimmed = item.AsSpan().Trim();
        int length = Encoding.UTF8.GetByteCount(trimmed);
        Span<byte> bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(trimmed, bytes);
        ulong hash = Offset;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
