using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Engine;

/// <summary>What a write costs in model work: the model is the ceiling of the service's write throughput.</summary>
public sealed class PenchantEngineWriteTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("I prefer window seats on long flights.", null)]
    [InlineData("Always use metric units.", "cooking")]
    public async Task RememberAsync_NewStatement_EmbedsOnlyItsOwnText(string text, string? scope)
    {
        // Arrange: an engine whose embedding calls are recorded, warmed up by a first write (the hinter embeds its lexicon once).
        var recorder = new RecordingGenerator(fixture.Embeddings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPreferenceStore>(new InMemoryPreferenceStore());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(recorder);
        services.AddPenchant();
        using ServiceProvider provider = services.BuildServiceProvider();
        IPenchant engine = provider.GetRequiredService<IPenchant>();
        await engine.RememberAsync(new UserKey("acme", "warm"), new Statement("I listen to jazz a lot."), Ct);
        recorder.Texts.Clear();

        // Act
        WriteResult result = await engine.RememberAsync(new UserKey("acme", "alice"), new Statement(text, Scope: scope), Ct);

        // Assert: the statement became a preference, and the only text sent to the model was that preference's text.
        Preference created = Assert.Single(result.Created);
        Assert.Equal([created.Text], recorder.Texts.Distinct(StringComparer.Ordinal));
    }

    private sealed class RecordingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            string[] texts = [.. values];
            foreach (string text in texts)
            {
                Texts.Enqueue(text);
            }

            return base.GenerateAsync(texts, options, cancellationToken);
        }
    }
}
