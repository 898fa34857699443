using Microsoft.Extensions.DependencyInjection.Extensions;
using Penchant.DependencyInjection;
using Penchant.Sqlite;
using Penchant.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite preference store.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SqlitePreferenceStore"/> over the file at <paramref name="path"/> as the singleton
    /// <see cref="IPreferenceStore"/>, and a <see cref="SqliteApiKeyStore"/> over the same file as the singleton
    /// <see cref="IApiKeyStore"/>, each unless one is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The database file; its directory is created on first use.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <remarks>The concrete <see cref="SqlitePreferenceStore"/> is registered too (for <see cref="SqlitePreferenceStore.CheckIntegrityAsync"/>); the container disposes it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is <see langword="null"/>, empty or whitespace.</exception>
    public static IServiceCollection AddPenchantSqliteStore(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.TryAddSingleton(_ => new SqlitePreferenceStore(new SqliteStoreOptions { Path = path }));
        services.TryAddSingleton<IPreferenceStore>(static provider => provider.GetRequiredService<SqlitePreferenceStore>());
        services.TryAddSingleton<IApiKeyStore>(provider => new SqliteApiKeyStore(path, provider.GetService<TimeProvider>()));
        services.TryAddSingleton<Penchant.Webhooks.IWebhookStore>(_ => new SqliteWebhookStore(path));
        return services;
    }

    /// <summary>Uses the SQLite file at <paramref name="path"/> as the engine's store (the embedded default) and the host's API-key store.</summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="path">The database file; its directory is created on first use.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is <see langword="null"/>, empty or whitespace.</exception>
    public static PenchantBuilder UseSqlite(this PenchantBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPenchantSqliteStore(path);
        return builder;
    }
}
