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

        ReadOnlySpan<float> values = embedding.Span;
        byte[] bytes = new byte[values.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }
        }

        return bytes;
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
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
            }
        }

        return values;
    }
}
