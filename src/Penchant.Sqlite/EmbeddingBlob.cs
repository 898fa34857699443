using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Penchant.Sqlite;

/// <summary>Converts embeddings to and from little-endian float32 BLOBs, bit for bit.</summary>
internal static class EmbeddingBlob
{
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
