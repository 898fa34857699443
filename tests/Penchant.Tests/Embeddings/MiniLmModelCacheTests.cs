using Microsoft.Extensions.AI;

namespace Penchant.Embeddings;

public sealed class MiniLmModelCacheTests : IDisposable
{
    private static readonly string[] Texts = ["I strictly avoid gluten.", "Propose a dinner recipe", "Keep emails to my boss formal."];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "penchant-model-cache-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_Int8WithACacheFolder_KeepsTheModelAndTheNextLoadEmbedsTheSame()
    {
        // Arrange: a first generator quantizes the model and keeps it.
        float[][] first = await EmbedAsync(_directory);
        string kept = Assert.Single(Directory.GetFiles(_directory));

        // Act: a second generator loads the kept model.
        DateTime written = File.GetLastWriteTimeUtc(kept);
        float[][] second = await EmbedAsync(_directory);

        // Assert: the same vectors to the bit, from the same file (not written again), kept in ONNX Runtime's format.
        Assert.EndsWith(".ort", kept, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(kept, Assert.Single(Directory.GetFiles(_directory)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public async Task GenerateAsync_KeptModelDamaged_IsMadeAgainNotRun()
    {
        // Arrange: keep the model, then damage one byte in the middle of it.
        float[][] expected = await EmbedAsync(_directory);
        string kept = Assert.Single(Directory.GetFiles(_directory));
        byte[] original = await File.ReadAllBytesAsync(kept, Ct);
        byte[] damaged = (byte[])original.Clone();
        damaged[damaged.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(kept, damaged, Ct);

        // Act
        float[][] actual = await EmbedAsync(_directory);

        // Assert: the damaged file was not used; the model was made again and kept again, sound (the next load uses it).
        // ONNX Runtime's serialization is not byte-for-byte repeatable, so the new file is checked by what it computes.
        Assert.Equal(expected, actual);
        string again = Assert.Single(Directory.GetFiles(_directory));
        Assert.NotEqual(damaged, await File.ReadAllBytesAsync(again, Ct));
        DateTime written = File.GetLastWriteTimeUtc(again);
        Assert.Equal(expected, await EmbedAsync(_directory));
        Assert.Equal(again, Assert.Single(Directory.GetFiles(_directory)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(again));
    }

    [Fact]
    public async Task GenerateAsync_NoCacheFolder_KeepsNothingAndEmbedsTheSame()
    {
        // Arrange
        float[][] kept = await EmbedAsync(_directory);

        // Act
        float[][] notKept = await EmbedAsync(null);

        // Assert
        Assert.Equal(kept, notKept);
    }

    [Fact]
    public async Task GenerateAsync_KeptFileTheRuntimeRefuses_IsMadeAgain()
    {
        // Arrange: replace the kept model by bytes that are no model, under the name of their own hash (so only ONNX Runtime can tell).
        float[][] expected = await EmbedAsync(_directory);
        string kept = Assert.Single(Directory.GetFiles(_directory));
        byte[] garbage = [.. Enumerable.Range(0, 4096).Select(static i => (byte)(i * 31))];
        string name = Path.GetFileName(kept);
        string keyPart = name[..name.LastIndexOf('.', name.Length - ".ort".Length - 1)];
        string refused = Path.Combine(_directory, $"{keyPart}.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(garbage))}.ort");
        File.Delete(kept);
        await File.WriteAllBytesAsync(refused, garbage, Ct);

        // Act
        float[][] actual = await EmbedAsync(_directory);

        // Assert: the refused file was replaced by a sound model (the next load uses it).
        Assert.Equal(expected, actual);
        string again = Assert.Single(Directory.GetFiles(_directory));
        Assert.NotEqual(refused, again);
        DateTime written = File.GetLastWriteTimeUtc(again);
        Assert.Equal(expected, await EmbedAsync(_directory));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(_directory))));
    }

    [Fact]
    public async Task GenerateAsync_ModelKeptByAnEarlierVersion_IsDeletedWhenTheModelIsKept()
    {
        // Arrange: an 8-bit ONNX file of an earlier version of the cache, and a file that is not the cache's.
        Directory.CreateDirectory(_directory);
        string earlier = Path.Combine(_directory, $"{MiniLmEmbeddingGenerator.Int8ModelId}.0123456789abcdef.{new string('0', 64)}.onnx");
        string other = Path.Combine(_directory, "notes.txt");
        await File.WriteAllBytesAsync(earlier, [1, 2, 3], Ct);
        await File.WriteAllTextAsync(other, "not the cache's", Ct);

        // Act
        await EmbedAsync(_directory);

        // Assert
        Assert.False(File.Exists(earlier));
        Assert.True(File.Exists(other));
        Assert.Single(Directory.GetFiles(_directory, "*.ort"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<float[][]> EmbedAsync(string? directory)
    {
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions
        {
            CacheSize = 0,
            Precision = MiniLmPrecision.Int8,
            ModelCacheDirectory = directory,
        });
        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(Texts, cancellationToken: Ct);
        return [.. embeddings.Select(static e => e.Vector.ToArray())];
    }
}
