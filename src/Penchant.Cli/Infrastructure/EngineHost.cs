using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Penchant.DependencyInjection;
using Penchant.Embeddings;

namespace Penchant.Cli.Infrastructure;

/// <summary>One engine over one SQLite file or PostgreSQL database with the local MiniLM model, composed as a library user would compose it.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EngineHost(ServiceProvider provider, IPenchant engine, string database)
    {
        _provider = provider;
        Engine = engine;
        Database = database;
    }

    /// <summary>Gets the engine.</summary>
    public IPenchant Engine { get; }

    /// <summary>Gets the services the engine was built from (evaluation reads the queries behind it).</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Gets the SQLite file, or the PostgreSQL connection string.</summary>
    public string Database { get; }

    /// <summary>Gets the engine's options (for checks that name the offending input line before the engine sees it).</summary>
    public PenchantOptions Options => _provider.GetRequiredService<IOptions<PenchantOptions>>().Value;

    /// <summary>Builds the engine over a database file (already checked by <see cref="Infrastructure.DatabasePath.Validate"/>).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="configure">Registers services ahead of the defaults, or <see langword="null"/>.</param>
    /// <param name="precision">The embedding model's precision (unless <paramref name="configure"/> registers another generator).</param>
    /// <returns>The host; dispose it to release the store and the model.</returns>
    public static EngineHost Open(string databasePath, Action<IServiceCollection>? configure, MiniLmPrecision precision)
        => Open(databasePath, penchant => penchant.UseSqlite(databasePath), configure, precision);

    /// <summary>Builds the engine over a PostgreSQL database (<c>--postgres</c>), shared with the service's instances.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Registers services ahead of the defaults, or <see langword="null"/>.</param>
    /// <param name="precision">The embedding model's precision (unless <paramref name="configure"/> registers another generator).</param>
    /// <returns>The host; dispose it to release the connection pool and the model.</returns>
    public static EngineHost OpenPostgres(string connectionString, Action<IServiceCollection>? configure, MiniLmPrecision precision)
        => Open(connectionString, penchant => penchant.UsePostgreSql(connectionString), configure, precision);

    private static EngineHost Open(string database, Action<PenchantBuilder> useStore, Action<IServiceCollection>? configure, MiniLmPrecision precision)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        PenchantBuilder penchant = services.AddPenchant();
        useStore(penchant);
        penchant.UseMiniLmEmbeddings(options => options.Precision = precision);
        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            return new EngineHost(provider, provider.GetRequiredService<IPenchant>(), database);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
