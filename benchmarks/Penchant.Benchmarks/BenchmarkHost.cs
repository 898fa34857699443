using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Embeddings;
using Penchant.Engine;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Benchmarks;

/// <summary>Builds the engine as an application would: the in-memory store, <c>AddPenchant</c> and the local MiniLM model.</summary>
internal static class BenchmarkHost
{
    public static ServiceProvider Create(Action<MiniLmEmbeddingOptions>? embeddings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPreferenceStore, InMemoryPreferenceStore>();
        services.AddPenchant().UseMiniLmEmbeddings(embeddings);
        return services.BuildServiceProvider();
    }

    public static PenchantEngine Engine(IServiceProvider services)
        => services.GetRequiredService<IPenchant>() as PenchantEngine
            ?? throw new InvalidOperationException("The benchmarks measure PenchantEngine; another IPenchant is registered.");

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(IServiceProvider services)
        => services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
}
