using System.Buffers.Binary;

namespace Penchant.Recommending;

/// <summary>A user's latest chosen items as <see cref="ItemKey"/> keys, oldest first, capped at <see cref="MaxLength"/>: the user's part of the next-item model.</summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class UserSequence
{
    /// <summary>The name under which each user's sequence is stored.</summary>
    public const string Name = "sequence";

    /// <summary>The most choices kept; older ones drop off.</summary>
    public const int MaxLength = 50;

    private const int FormatVersion = 1;
    private readonly List<ulong> _keys;

    private UserSequence(List<ulong> keys) => _keys = keys;

    /// <summary>Gets the keys, oldest first.</summary>
    public IReadOnlyList<ulong> Keys => _keys;

    /// <summary>Returns an empty sequence.</summary>
    /// <returns>The sequence.</returns>
    public static UserSequence Empty() => new([]);

    /// <summary>Appends a chosen item, dropping the oldest beyond <see cref="MaxLength"/>.</summary>
    /// <param name="key">The item's key.</param>
    public void Append(ulong key)
    {
        _keys.Add(key);
        if (_keys.Count > MaxLength)
        {
            _keys.RemoveRange(0, _keys.Count - MaxLength);
        }
    }

    /// <summary>Serializes the sequence.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        byte[] bytes = new byte[8 + (8 * _keys.Count)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), _keys.Count);
        for (int i = 0; i < _keys.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (8 * i)), _keys[i]);
        }

        return bytes;
    }

    /// <summary>Reads a sequence written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The sequence.</returns>
    /// <exception cref="FormatException">The bytes are not a sequence of this format.</exception>
    public static UserSequence FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(bytes) != FormatVersion)
        {
            throw new FormatException("Not a user's item sequence.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (count < 0 || bytes.Length != 8 + (8L * count))
        {
            throw new FormatException("A user's item sequence of the wrong length.");
        }

        var keys = new List<ulong>(count);
        for (int i = 0; i < count; i++)
        {
            keys.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 + (8 * i))..]));
        }

        return new UserSequence(keys);
    }
}
