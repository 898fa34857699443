namespace Penchant.Storage.Codecs;

public sealed class EmbeddingBlobTests
{
    private static readonly float[] Vector = [0.25f, -1f, float.Epsilon, float.NaN, -0f, 3.0e38f];

    [Fact]
    public void WriteThenRead_IntoSlicesOfOneBuffer_GiveTheSameBytesAndValuesAsOneVectorAlone()
    {
        // Arrange: two vectors side by side in one buffer, as a record of several keeps them.
        int size = Vector.Length * sizeof(float);
        var buffer = new byte[2 * size];

        // Act
        EmbeddingBlob.Write(Vector, buffer.AsSpan(0, size));
        EmbeddingBlob.Write(Vector, buffer.AsSpan(size, size));
        var second = new float[Vector.Length];
        EmbeddingBlob.Read(buffer.AsSpan(size, size), second);

        // Assert: each slice holds the bytes ToBytes gives, and reads back bit for bit (NaN and -0 included).
        Assert.Equal(EmbeddingBlob.ToBytes(Vector), buffer[..size]);
        Assert.Equal(EmbeddingBlob.ToBytes(Vector), buffer[size..]);
        Assert.Equal(
            Vector.Select(BitConverter.SingleToInt32Bits),
            second.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void WriteAndRead_BufferOfAnotherLength_Throw()
    {
        // Arrange
        var shortBuffer = new byte[(Vector.Length * sizeof(float)) - 1];

        // Act and assert
        Assert.Throws<ArgumentException>(() => EmbeddingBlob.Write(Vector, shortBuffer));
        Assert.Throws<ArgumentException>(() => EmbeddingBlob.Read(shortBuffer, new float[Vector.Length]));
    }
}
