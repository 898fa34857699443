using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.DependencyInjection;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant;

/// <summary>Engines over the deterministic hashing embeddings: for tests of the engine's plumbing, which need no real model.</summary>
internal static class TestEngines
{
    public static ServiceProvider Create(IPreferenceStore? store = null, Action<PenchantBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(store ?? new InMemoryPreferenceStore());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        PenchantBuilder builder = services.AddPenchant();
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }
}
