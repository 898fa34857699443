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

        // Assert: the same vectors to the bit, from the same file (not written again).
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

        // Assert: the damaged file was not used; the model was made again and kept again, intact.
        Assert.Equal(expected, actual);
        string again = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(original, await File.ReadAllBytesAsync(again, Ct));
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
