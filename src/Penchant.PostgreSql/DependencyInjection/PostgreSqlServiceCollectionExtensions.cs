using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Penchant.DependencyInjection;
using Penchant.PostgreSql;
using Penchant.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>Uses the PostgreSQL database named by <paramref name="connectionString"/> as the engine's store and the host's API-key store.</summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is <see langword="null"/>, empty or whitespace.</exception>
    public static PenchantBuilder UsePostgreSql(this PenchantBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSql(options => options.ConnectionString = connectionString);
    }

    /// <summary>Uses a PostgreSQL database as the engine's store and the host's API-key store, configured in code.</summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="configure">Sets the options (at least <see cref="PostgreSqlStoreOptions.ConnectionString"/>).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static PenchantBuilder UsePostgreSql(this PenchantBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddStores(builder);
    }

    /// <summary>Uses a PostgreSQL database as the engine's store and the host's API-key store, configured from a section (for example <c>Penchant:PostgreSql</c>).</summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="section">The section bound to <see cref="PostgreSqlStoreOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public static PenchantBuilder UsePostgreSql(this PenchantBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<PostgreSqlStoreOptions>().Bind(section);
        return AddStores(builder);
    }

    private static PenchantBuilder AddStores(PenchantBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptionsWithValidateOnStart<PostgreSqlStoreOptions, PostgreSqlStoreOptionsValidator>();
        services.TryAddSingleton(static provider => new PostgreSqlDatabase(provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.TryAddSingleton(static provider => new PostgreSqlPreferenceStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        services.TryAddSingleton<IPreferenceStore>(static provider => provider.GetRequiredService<PostgreSqlPreferenceStore>());
        services.TryAddSingleton<IApiKeyStore>(static provider => new PostgreSqlApiKeyStore(provider.GetRequiredService<PostgreSqlDatabase>(), provider.GetService<TimeProvider>()));
        services.TryAddSingleton<Penchant.Webhooks.IWebhookStore>(static provider => new PostgreSqlWebhookStore(provider.GetRequiredService<PostgreSqlDatabase>()));
        return builder;
    }
}
