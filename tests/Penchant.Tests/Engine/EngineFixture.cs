using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Penchant.Embeddings;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Engine;

/// <summary>One real MiniLM model shared by the engine tests; each test builds its own engine and store over it.</summary>
public sealed class EngineFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Embeddings { get; } = new();

    public (IPenchant Engine, IPreferenceStore Store, FakeLogCollector Logs) Create(Action<PenchantOptions>? configure = null, IPreferenceStore? store = null)
    {
        store ??= new InMemoryPreferenceStore();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IPreferenceStore>(store);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
        services.AddPenchant(configure ?? (_ => { }));
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IPenchant>(), store, provider.GetFakeLogCollector());
    }

    public void Dispose() => Embeddings.Dispose();
}
