using Microsoft.Extensions.DependencyInjection;
namespace Penchant.Cli.Infrastructure;

/// <summary>The engine an evaluation runs on: over <c>--db</c> when given, otherwise over a temporary SQLite file deleted afterwards.</summary>
internal sealed class EvalStore : IAsyncDisposable
{
    private readonly string? _temporaryPath;

    private EvalStore(EngineHost host, string? temporaryPath)
    {
        Host = host;
        _temporaryPath = temporaryPath;
    }

    /// <summary>Gets the engine host.</summary>
    public EngineHost Host { get; }

    /// <summary>Opens the store for an evaluation.</summary>
    /// <param name="context">The invocation.</param>
    /// <returns>The store.</returns>
    /// <exception cref="CliInputException">The <c>--db</c> path cannot be used.</exception>
    public static EvalStore Open(CommandContext context) => Open(context, null);

    /// <summary>Opens the store for an evaluation, with settings of the evaluation's own applied after the environment's.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="configure">The evaluation's own settings, or <see langword="null"/>.</param>
    /// <returns>The store.</returns>
    /// <exception cref="CliInputException">The <c>--db</c> path cannot be used.</exception>
    public static EvalStore Open(CommandContext context, Action<IServiceCollection>? configure)
    {
        Action<IServiceCollection>? environment = context.Environment.ConfigureEngine;
        Action<IServiceCollection>? both = configure is null ? environment : services =>
        {
            environment?.Invoke(services);
            configure(services);
        };
        if (context.GivenDatabase is { } given)
        {
            return new EvalStore(EngineHost.Open(DatabasePath.Validate(given), both, context.Precision), null);
        }

        string temporary = Path.Combine(Path.GetTempPath(), $"penchant-eval-{Guid.NewGuid():N}.db");
        try
        {
            return new EvalStore(EngineHost.Open(temporary, both, context.Precision), temporary);
        }
        catch
        {
            DeleteFiles(temporary);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_temporaryPath is not null)
        {
            DeleteFiles(_temporaryPath);
        }
    }

    private static void DeleteFiles(string path)
    {
        foreach (string file in (string[])[path, path + "-wal", path + "-shm", path + "-journal"])
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A file still open elsewhere stays behind in the temporary folder; the evaluation's result stands.
            }
        }
    }
}
