using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Penchant;
using Penchant.DependencyInjection;
using Penchant.Engine;
using Penchant.Learning.Statements;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Penchant engine.</summary>
public static class PenchantServiceCollectionExtensions
{
    /// <summary>Adds the Penchant engine with default options. Chain a store (<c>UseSqlite</c>) and embeddings (<c>UseMiniLmEmbeddings</c>).</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services) => services.AddPenchant(static _ => { });

    /// <summary>Adds the Penchant engine, configuring its options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services, Action<PenchantOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PenchantOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Adds the Penchant engine, binding its options to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section (for example <c>Penchant</c>).</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<PenchantOptions>().Bind(section);
        return AddCore(services);
    }

    private static PenchantBuilder AddCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<PenchantOptions, PenchantOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPreferenceExtractor, RuleBasedExtractor>();
        services.TryAddSingleton<IApplicabilityHinter, LexiconHinter>();
        services.TryAddSingleton<IPenchant>(static sp => ActivatorUtilities.CreateInstance<PenchantEngine>(sp));
        return new PenchantBuilder(services);
    }
}
