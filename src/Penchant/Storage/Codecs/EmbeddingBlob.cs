using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Penchant.Storage.Codecs;

/// <summary>Converts embeddings to and from little-endian float32 bytes, bit for bit: how every store keeps a vector (a BLOB in SQLite, bytea in PostgreSQL).</summary>
public static class EmbeddingBlob
{
    /// <summary>Writes an embedding as little-endian float32 bytes.</summary>
    /// <param name="embedding">The embedding.</param>
    /// <returns>The bytes, or <see langword="null"/> for an empty embedding.</returns>
    public static byte[]? ToBytes(ReadOnlyMemory<float> embedding)
    {
        if (embedding.IsEmpty)
        {
            return null;
        }

        byte[] bytes = new byte[embedding.Length * sizeof(float)];
        Write(embedding.Span, bytes);
        return bytes;
    }

    /// <summary>Writes an embedding as little-endian float32 bytes into a buffer (for a record that holds several, or more than vectors).</summary>
    /// <param name="embedding">The embedding.</param>
    /// <param name="destination">Where to write: exactly <c>embedding.Length * sizeof(float)</c> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not that long.</exception>
    public static void Write(ReadOnlySpan<float> embedding, Span<byte> destination)
    {
        if (destination.Length != embedding.Length * sizeof(float))
        {
            throw new ArgumentException($"{embedding.Length} float32 values take {embedding.Length * sizeof(float)} bytes, not {destination.Length}.", nameof(destination));
        }

        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(embedding).CopyTo(destination);
        }
        else
        {
            for (int i = 0; i < embedding.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(destination[(i * sizeof(float))..], embedding[i]);
            }
        }
    }

    /// <summary>Reads an embedding back from little-endian float32 bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The embedding.</returns>
    /// <exception cref="PenchantException">The length is not a whole number of float32 values.</exception>
    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new PenchantException($"A stored embedding is {bytes.Length} bytes long, which is not a whole number of float32 values.");
        }

        float[] values = new float[bytes.Length / sizeof(float)];
        Read(bytes, values);
        return values;
    }

    /// <summary>Reads an embedding back from little-endian float32 bytes into a buffer (for a record that holds several, or more than vectors).</summary>
    /// <param name="bytes">The bytes: exactly <c>destination.Length * sizeof(float)</c> of them.</param>
    /// <param name="destination">The embedding's values.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not that long.</exception>
    public static void Read(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        if (bytes.Length != destination.Length * sizeof(float))
        {
            throw new ArgumentException($"{destination.Length} float32 values take {destination.Length * sizeof(float)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(destination));
        }
        else
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
            }
        }
    }
}
