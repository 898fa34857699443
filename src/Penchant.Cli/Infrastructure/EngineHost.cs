using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Penchant.Embeddings;

namespace Penchant.Cli.Infrastructure;

/// <summary>One engine over one SQLite file with the local MiniLM model, composed as a library user would compose it.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EngineHost(ServiceProvider provider, IPenchant engine, string databasePath)
    {
        _provider = provider;
        Engine = engine;
        DatabasePath = databasePath;
    }

    /// <summary>Gets the engine.</summary>
    public IPenchant Engine { get; }

    /// <summary>Gets the services the engine was built from (evaluation reads the queries behind it).</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Gets the SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Gets the engine's options (for checks that name the offending input line before the engine sees it).</summary>
    public PenchantOptions Options => _provider.GetRequiredService<IOptions<PenchantOptions>>().Value;

    /// <summary>Builds the engine over a database file (already checked by <see cref="Infrastructure.DatabasePath.Validate"/>).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="configure">Registers services ahead of the defaults, or <see langword="null"/>.</param>
    /// <param name="precision">The embedding model's precision (unless <paramref name="configure"/> registers another generator).</param>
    /// <returns>The host; dispose it to release the store and the model.</returns>
    public static EngineHost Open(string databasePath, Action<IServiceCollection>? configure, MiniLmPrecision precision)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddPenchant().UseSqlite(databasePath).UseMiniLmEmbeddings(options => options.Precision = precision);
        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            return new EngineHost(provider, provider.GetRequiredService<IPenchant>(), databasePath);
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
