using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Penchant.DependencyInjection;
using Penchant.Embeddings;
using Penchant.Storage;

namespace Penchant.Cli.Infrastructure;

/// <summary>One engine over one SQLite file or PostgreSQL database with the local MiniLM model, composed as a library user would compose it.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EngineHost(ServiceProvider provider, string database)
    {
        _provider = provider;
        Database = database;
    }

    /// <summary>Gets the engine, composed on first use (so that the model can load meanwhile, see <see cref="OpenAsync"/>).</summary>
    public IPenchant Engine => _provider.GetRequiredService<IPenchant>();

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

    /// <summary>
    /// Builds the engine over a database file and checks it against the embedding model the store records: without
    /// <c>--precision</c> the recorded precision is used; with one that differs, or another model, it is a user error.
    /// A store that records none is given the model in use: the service's precision (Int8) unless <c>--precision</c> says otherwise.
    /// </summary>
    /// <param name="databasePath">The SQLite file (already checked).</param>
    /// <param name="configure">Registers services ahead of the defaults, or <see langword="null"/>.</param>
    /// <param name="precision">The precision asked for (or the default).</param>
    /// <param name="precisionGiven">Whether the user gave <paramref name="precision"/> explicitly.</param>
    /// <param name="loadModel">Whether to start loading the embedding model once the store's precision is known, while the engine is composed (for a command that embeds).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The host.</returns>
    /// <exception cref="CliInputException">The store was written with another embedding model or precision.</exception>
    public static Task<EngineHost> OpenAsync(string databasePath, Action<IServiceCollection>? configure, MiniLmPrecision precision, bool precisionGiven, bool loadModel, CancellationToken cancellationToken)
        => OpenCheckedAsync(databasePath, penchant => penchant.UseSqlite(databasePath), configure, precision, precisionGiven, loadModel, cancellationToken);

    /// <summary>Builds the engine over a PostgreSQL database, checked as <see cref="OpenAsync"/> checks a file.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Registers services ahead of the defaults, or <see langword="null"/>.</param>
    /// <param name="precision">The precision asked for (or the default).</param>
    /// <param name="precisionGiven">Whether the user gave <paramref name="precision"/> explicitly.</param>
    /// <param name="loadModel">Whether to start loading the embedding model once the store's precision is known, while the engine is composed (for a command that embeds).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The host.</returns>
    /// <exception cref="CliInputException">The store was written with another embedding model or precision.</exception>
    public static Task<EngineHost> OpenPostgresAsync(string connectionString, Action<IServiceCollection>? configure, MiniLmPrecision precision, bool precisionGiven, bool loadModel, CancellationToken cancellationToken)
        => OpenCheckedAsync(connectionString, penchant => penchant.UsePostgreSql(connectionString), configure, precision, precisionGiven, loadModel, cancellationToken);

    private static async Task<EngineHost> OpenCheckedAsync(
        string database, Action<PenchantBuilder> useStore, Action<IServiceCollection>? configure, MiniLmPrecision precision, bool precisionGiven, bool loadModel, CancellationToken cancellationToken)
    {
        EngineHost host = Open(database, useStore, configure, precision);
        try
        {
            IPreferenceStore store = host.Services.GetRequiredService<IPreferenceStore>();
            string? recorded = await StoreEmbeddings.ReadAsync(store, cancellationToken);
            string inUse = StoreEmbeddings.Describe(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
            if (recorded is not null && !string.Equals(recorded, inUse, StringComparison.Ordinal))
            {
                MiniLmPrecision other = precision == MiniLmPrecision.Int8 ? MiniLmPrecision.Float32 : MiniLmPrecision.Int8;
                if (!precisionGiven && string.Equals(recorded, Describe(other), StringComparison.Ordinal))
                {
                    await host.DisposeAsync();
                    return await OpenCheckedAsync(database, useStore, configure, other, precisionGiven: true, loadModel, cancellationToken);
                }

                throw new CliInputException(
                    $"the store's vectors were written by the embedding model '{recorded}', but this command would use '{inUse}'. " +
                    (precisionGiven ? "Leave out --precision to use the store's, or use another database." : "Use the same model, or another database."));
            }

            if (recorded is null)
            {
                // A new store gets the service's precision unless --precision says otherwise, so the service can open it.
                if (!precisionGiven && precision != ServicePrecision)
                {
                    await host.DisposeAsync();
                    return await OpenCheckedAsync(database, useStore, configure, ServicePrecision, precisionGiven: true, loadModel, cancellationToken);
                }

                await StoreEmbeddings.EnsureAsync(store, inUse, cancellationToken);
            }

            if (loadModel)
            {
                // Once the precision is settled (a store may record another than the default), and before the engine is
                // composed on first use, so that the model loads meanwhile on another thread.
                host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<MiniLmEmbeddingGenerator>()?.StartLoading();
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The precision the service embeds with by default (<c>ServerHost</c>), given to a new store.</summary>
    private const MiniLmPrecision ServicePrecision = MiniLmPrecision.Int8;

    private static string Describe(MiniLmPrecision precision)
    {
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { Precision = precision });
        return StoreEmbeddings.Describe(generator);
    }

    private static EngineHost Open(string database, Action<PenchantBuilder> useStore, Action<IServiceCollection>? configure, MiniLmPrecision precision)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        PenchantBuilder penchant = services.AddPenchant();
        useStore(penchant);
        penchant.UseMiniLmEmbeddings(options => options.Precision = precision);

        // As the service does: a choice recorded here extends the user's sequence for next-item recommendation.
        penchant.AddSequenceRecommendation();
        return new EngineHost(services.BuildServiceProvider(), database);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
