using Microsoft.AspNetCore.Diagnostics;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>
/// Composes the Penchant service, shared by <c>Program.cs</c> and <c>penchant serve</c>: one place registers
/// the engine (SQLite + MiniLM), JSON, problem details and health checks, and one place maps the endpoints.
/// </summary>
public static class ServerHost
{
    /// <summary>The configuration key of the SQLite database path.</summary>
    public const string DatabaseKey = "Penchant:Database";

    /// <summary>The configuration section bound to <see cref="PenchantOptions"/>.</summary>
    public const string OptionsSection = "Penchant";

    /// <summary>Gets the database used when none is configured: <c>penchant/penchant.db</c> under the user's local application data folder.</summary>
    public static string DefaultDatabasePath { get; } = Path.Combine(LocalDataRoot(), "penchant", "penchant.db");

    /// <summary>Registers the engine on the configured SQLite file, the JSON contract, problem details and health checks.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddPenchantServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        string databasePath = builder.Configuration[DatabaseKey] is { Length: > 0 } configured ? configured : DefaultDatabasePath;
        EnsureDirectory(databasePath);

        builder.Services
            .AddPenchant(builder.Configuration.GetSection(OptionsSection))
            .UseSqlite(databasePath)
            .UseMiniLmEmbeddings();

        builder.Services.ConfigureHttpJsonOptions(static options => PenchantJsonContext.ConfigureOptions(options.SerializerOptions));

        builder.Services.AddProblemDetails(static options => options.CustomizeProblemDetails = ApiProblems.AddErrorCode);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(new DatabaseLocation(databasePath));

        return builder;
    }

    /// <summary>Maps the error handling, the preferences API and <c>/health</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static WebApplication MapPenchantServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapPreferencesApi();
        app.MapHealthChecks("/health");

        Log.UsingDatabase(app.Logger, app.Services.GetRequiredService<DatabaseLocation>().Path);
        return app;
    }

    private static string LocalDataRoot()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(root) ? AppContext.BaseDirectory : root;
    }

    private static void EnsureDirectory(string databasePath)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Where the service keeps its data (logged once at start-up).</summary>
    /// <param name="Path">The SQLite file.</param>
    internal sealed record DatabaseLocation(string Path);

    /// <summary>Turns exceptions that escape a handler into problem details with an error code.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            (int status, string code, string title) = ApiProblems.Classify(exception);
            httpContext.Response.StatusCode = status;
            return problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = title,
                    Detail = status < 500 ? exception.Message : null,
                    Extensions = { [ApiProblems.ErrorCodeKey] = code },
                },
            });
        }
    }
}
