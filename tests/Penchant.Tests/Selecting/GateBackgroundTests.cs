using Penchant.Testing;

namespace Penchant.Selecting;

public sealed class GateBackgroundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VectorsAsync_SecondInstanceOverTheSameStore_ReadsTheKeptVectorsWithoutEmbedding()
    {
        // Arrange: a first instance embeds the background and keeps it in the store.
        var store = new InMemoryPreferenceStore();
        using var first = new HashingEmbeddingGenerator();
        float[][] embedded = await new GateBackground(first, store).VectorsAsync(Ct);
        Assert.Equal(GateBackground.Texts.Count, first.Generated);

        // Act: a new instance (a new process) over the same store.
        using var second = new HashingEmbeddingGenerator();
        float[][] read = await new GateBackground(second, store).VectorsAsync(Ct);

        // Assert
        Assert.Equal(0, second.Generated);
        Assert.Equal(embedded, read);
    }

    [Fact]
    public async Task VectorsAsync_KeptByAnotherEmbeddingModel_EmbedsAgainAndReplacesThem()
    {
        // Arrange: vectors kept by a model of 64 dimensions.
        var store = new InMemoryPreferenceStore();
        using var other = new HashingEmbeddingGenerator(64);
        await new GateBackground(other, store).VectorsAsync(Ct);

        // Act: the store is read with a model of 384 dimensions.
        using var current = new HashingEmbeddingGenerator();
        float[][] vectors = await new GateBackground(current, store).VectorsAsync(Ct);
        using var again = new HashingEmbeddingGenerator();
        float[][] kept = await new GateBackground(again, store).VectorsAsync(Ct);

        // Assert: the other model's vectors were not used; the current model's replaced them.
        Assert.Equal(GateBackground.Texts.Count, current.Generated);
        Assert.All(vectors, static v => Assert.Equal(HashingEmbeddingGenerator.DefaultDimensions, v.Length));
        Assert.Equal(0, again.Generated);
        Assert.Equal(vectors, kept);
    }

    [Fact]
    public void Neighbourhood_UnitMeanOfTheNearestBackgroundRequests()
    {
        // Arrange: six background directions; the preference leans to the first two and away from the sixth
        float[][] background = [.. Enumerable.Range(0, 6).Select(static i => Axis(i, 8))];
        float[] preference = [0.8f, 0.55f, 0, 0, 0, -0.2f, 0, 0];

        // Act
        float[] neighbourhood = GateBackground.Neighbourhood(preference, background);

        // Assert: the unit mean of the five nearest (each counts the same), nothing of the sixth
        Assert.Equal(1.0, Math.Sqrt(neighbourhood.Sum(static v => v * v)), 5);
        Assert.All(neighbourhood[..5], static v => Assert.Equal(1 / Math.Sqrt(5), v, 5));
        Assert.Equal(0, neighbourhood[5]);
        Assert.Empty(GateBackground.Neighbourhood(preference, []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(40)]
    public void Decode_TruncatedPayload_IsNotTakenForVectors(int cut)
    {
        // Arrange
        float[][] vectors = [[0.25f, -1f, 3f], [1f, 2f, 0.5f]];
        byte[] payload = GateBackground.Encode("model\nrequests", vectors);

        // Act
        float[][]? whole = GateBackground.Decode(payload, "model\nrequests", 2);
        float[][]? truncated = GateBackground.Decode(payload.AsSpan(0, Math.Min(cut, payload.Length - 1)), "model\nrequests", 2);
        float[][]? otherIdentity = GateBackground.Decode(payload, "model\nother", 2);

        // Assert
        Assert.Equal(vectors, whole);
        Assert.Null(truncated);
        Assert.Null(otherIdentity);
    }

    [Fact]
    public void Decode_RecordWrittenBeforeTheSharedCodec_ReadsTheSameVectors()
    {
        // Arrange: the layout records were written in before the vectors went through EmbeddingBlob, built by hand:
        // identity length, identity, count, dimensions (int32 little-endian), then each value as float32 little-endian.
        const string identity = "model\nrequests";
        float[][] vectors = [[0.25f, -1f, 3f], [1f, float.Epsilon, -0.5f]];
        byte[] name = System.Text.Encoding.UTF8.GetBytes(identity);
        var expected = new List<byte>();
        expected.AddRange(BitConverter.GetBytes(name.Length));
        expected.AddRange(name);
        expected.AddRange(BitConverter.GetBytes(vectors.Length));
        expected.AddRange(BitConverter.GetBytes(vectors[0].Length));
        foreach (float value in vectors.SelectMany(static v => v))
        {
            var bytes = new byte[sizeof(float)];
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            expected.AddRange(bytes);
        }

        // Act
        byte[] written = GateBackground.Encode(identity, vectors);
        float[][]? read = GateBackground.Decode([.. expected], identity, vectors.Length);

        // Assert: the same bytes are written, and a record kept by an earlier version reads back bit for bit.
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal([.. expected], written);
        Assert.Equal(vectors, read);
    }

    private static float[] Axis(int index, int dimensions)
    {
        var v = new float[dimensions];
        v[index] = 1;
        return v;
    }
}
