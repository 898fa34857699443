using Microsoft.Extensions.AI;
using Penchant.Embeddings;

namespace Penchant.Tests.Embeddings;

public sealed class MiniLmEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispose_WhileEncoding_WaitsForTheEncodesThenRefusesNewOnes()
    {
        // Arrange: a loaded model and encodes in flight on other threads.
        var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });
        await generator.GenerateAsync(["warm up"], cancellationToken: Ct);
        Task<GeneratedEmbeddings<Embedding<float>>>[] inFlight =
        [
            .. Enumerable.Range(0, 8).Select(i => Task.Run(
                () => generator.GenerateAsync([.. Enumerable.Range(0, 16).Select(j => $"sentence {i}-{j} about trains, tea and quiet hotels")], cancellationToken: Ct), Ct)),
        ];

        // Act: freeing the model must not pull it from under a running encode (that crashed the process).
        generator.Dispose();

        // Assert: each encode either finished with real vectors or was refused; none got a broken result.
        foreach (var task in inFlight)
        {
            try
            {
                GeneratedEmbeddings<Embedding<float>> result = await task;
                Assert.All(result, static e => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length));
            }
            catch (ObjectDisposedException)
            {
            }
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after"], cancellationToken: Ct));
    }
}
