using Microsoft.Extensions.DependencyInjection;

namespace Penchant.DependencyInjection;

/// <summary>Configures Penchant's parts (store, embeddings, extractors) after <c>AddPenchant</c>.</summary>
/// <param name="services">The service collection being configured.</param>
public sealed class PenchantBuilder(IServiceCollection services)
{
    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; } = services ?? throw new ArgumentNullException(nameof(services));
}
