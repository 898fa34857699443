using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Penchant.DependencyInjection;
using Penchant.Embeddings;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the local MiniLM embedding model for Penchant.</summary>
public static class MiniLmPenchantBuilderExtensions
{
    /// <summary>Uses the bundled MiniLM model for embeddings, unless an embedding generator is already registered.</summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="configure">Configures the generator's options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static PenchantBuilder UseMiniLmEmbeddings(this PenchantBuilder builder, Action<MiniLmEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new MiniLmEmbeddingOptions();
        configure?.Invoke(options);
        builder.Services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new MiniLmEmbeddingGenerator(options));
        return builder;
    }
}
