using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Embeddings;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.AI;

/// <summary>One real MiniLM model shared by the tests; each test builds its own engine over an in-memory store.</summary>
public sealed class EngineFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Embeddings { get; } = new();

    public IServiceProvider CreateServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPreferenceStore>(new InMemoryPreferenceStore());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
        configure?.Invoke(services);
        services.AddPenchant();
        return services.BuildServiceProvider();
    }

    public IPenchant CreateEngine() => CreateServices().GetRequiredService<IPenchant>();

    public void Dispose() => Embeddings.Dispose();
}
