using System.CommandLine;
using Penchant.Cli.Output;
using Penchant.Domain;
using Penchant.Embeddings;

namespace Penchant.Cli.Infrastructure;

/// <summary>What one invocation of a command works with: the parsed global options, the console and the output format.</summary>
internal sealed class CommandContext
{
    private readonly GlobalOptions _globals;

    public CommandContext(ParseResult parseResult, GlobalOptions globals, CliEnvironment environment)
    {
        ParseResult = parseResult;
        _globals = globals;
        Environment = environment;
        Json = parseResult.GetValue(globals.Json);
        Output = Json ? new JsonOutputFormatter(environment.Output) : new HumanOutputFormatter(environment.Output);
    }

    /// <summary>Gets the parse result.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>Gets the console and composition hook.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>Gets a value indicating whether output is JSON.</summary>
    public bool Json { get; }

    /// <summary>Gets the formatter results go through.</summary>
    public IOutputFormatter Output { get; }

    /// <summary>Gets the <c>--db</c> value as given, or <see langword="null"/>.</summary>
    public string? GivenDatabase => ParseResult.GetValue(_globals.Database);

    /// <summary>Gets the <c>--postgres</c> connection string as given, or <see langword="null"/> (SQLite).</summary>
    /// <exception cref="CliInputException">Both <c>--db</c> and <c>--postgres</c> were given.</exception>
    public string? GivenPostgres => ParseResult.GetValue(_globals.Postgres) switch
    {
        null => null,
        { } given when string.IsNullOrWhiteSpace(given) => throw new CliInputException("--postgres needs a connection string, e.g. --postgres \"Host=db;Database=penchant;Username=penchant\"."),
        { } given when GivenDatabase is not null => throw new CliInputException("Give either --db (a SQLite file) or --postgres (a PostgreSQL database), not both."),
        { } given => given,
    };

    /// <summary>Gets the user the command is about.</summary>
    /// <exception cref="ArgumentException">The tenant or user identifier is invalid.</exception>
    public UserKey User => UserKey.Create(ParseResult.GetValue(_globals.Tenant)!, ParseResult.GetValue(_globals.User)!);

    /// <summary>Gets the embedding model's precision (<c>--precision</c>).</summary>
    public MiniLmPrecision Precision => ParseResult.GetValue(_globals.Precision);

    /// <summary>Gets the embedding model's options for an evaluation that embeds without the engine (<c>--precision</c>).</summary>
    public MiniLmEmbeddingOptions Embeddings => new() { Precision = Precision };

    /// <summary>Gets the tenant.</summary>
    public string Tenant => ParseResult.GetValue(_globals.Tenant)!;

    /// <summary>Resolves the database: <c>--db</c> when given, otherwise the per-user default file.</summary>
    /// <returns>The checked full path.</returns>
    /// <exception cref="CliInputException">The path cannot be used.</exception>
    public string ResolveDatabase() => GivenDatabase is null ? DatabasePath.Validate(DatabasePath.Default, createFolder: true) : DatabasePath.Validate(GivenDatabase);

    /// <summary>Opens the engine on the PostgreSQL database when <c>--postgres</c> is given, else on the resolved SQLite file.</summary>
    /// <returns>The engine host.</returns>
    /// <exception cref="CliInputException">The path cannot be used, or both <c>--db</c> and <c>--postgres</c> were given.</exception>
    public Task<EngineHost> OpenEngineAsync(CancellationToken cancellationToken) => OpenEngineAsync(embeds: false, cancellationToken);

    /// <summary>
    /// Opens the engine as <see cref="OpenEngineAsync(CancellationToken)"/> does; for a command that <paramref name="embeds"/>
    /// text, the embedding model starts loading at once, on another thread, while the engine is composed and the store opens.
    /// </summary>
    /// <returns>The engine host.</returns>
    /// <exception cref="CliInputException">The path cannot be used, or both <c>--db</c> and <c>--postgres</c> were given.</exception>
    public Task<EngineHost> OpenEngineAsync(bool embeds, CancellationToken cancellationToken) => GivenPostgres is { } postgres
        ? EngineHost.OpenPostgresAsync(postgres, Environment.ConfigureEngine, Precision, PrecisionGiven, embeds, cancellationToken)
        : EngineHost.OpenAsync(ResolveDatabase(), Environment.ConfigureEngine, Precision, PrecisionGiven, embeds, cancellationToken);

    /// <summary>Gets a value indicating whether <c>--precision</c> was given (otherwise a store's recorded precision is used).</summary>
    public bool PrecisionGiven => ParseResult.GetResult(_globals.Precision) is { Implicit: false };

    /// <summary>Opens the API-key store of the PostgreSQL database when <c>--postgres</c> is given, else of the resolved SQLite file.</summary>
    /// <returns>The key store; dispose it to close its connections.</returns>
    /// <exception cref="CliInputException">The path cannot be used, or both <c>--db</c> and <c>--postgres</c> were given.</exception>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public KeyStoreHost OpenKeys() => GivenPostgres is { } postgres
        ? KeyStoreHost.ForPostgres(postgres)
        : KeyStoreHost.ForSqlite(ResolveDatabase());
}
