using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.DependencyInjection;
using Penchant.Embeddings;
using Penchant.PostgreSql;
using Penchant.Server.Api;
using Penchant.Server.Contracts;
using Penchant.Server.Dashboard;
using Penchant.Server.Hosting;
using Penchant.Server.Imports;
using Penchant.Server.Tenancy;
using Penchant.Server.Training;
using Penchant.Server.Webhooks;
using Penchant.Server.Writes;
using Scalar.AspNetCore;

namespace Penchant.Server;

/// <summary>
/// Composes the Penchant service for <c>Program.cs</c> (and the tests' host): one place registers
/// the engine (SQLite or PostgreSQL + MiniLM), API keys, limits, JSON, problem details, OpenAPI, telemetry and health checks, and one
/// place maps the endpoints.
/// </summary>
public static class ServerHost
{
    /// <summary>The configuration key of the SQLite database path.</summary>
    public const string DatabaseKey = "Penchant:Database";

    /// <summary>
    /// The configuration key of a PostgreSQL connection string (environment <c>Penchant__Postgres</c>): when set, the service
    /// stores everything in PostgreSQL instead of SQLite, so several instances can share one database. Finer settings
    /// (schema, pool size, timeouts) are in <see cref="PostgreSqlStoreOptions.Section"/>.
    /// </summary>
    public const string PostgresKey = "Penchant:Postgres";

    /// <summary>The configuration section bound to <see cref="PenchantOptions"/>.</summary>
    public const string OptionsSection = "Penchant";

    /// <summary>The configuration section bound to <see cref="DecidingOptions"/> (exploration rate, reward wait, default reward, policy).</summary>
    public const string DecidingSection = "Penchant:Deciding";

    /// <summary>The configuration section of the embedding model's options (<see cref="MiniLmEmbeddingOptions"/>).</summary>
    public const string EmbeddingsSection = "Penchant:Embeddings";

    /// <summary>Gets the database used when none is configured: <c>penchant/penchant.db</c> under the user's local application data folder.</summary>
    public static string DefaultDatabasePath { get; } = Path.Combine(LocalDataRoot(), "penchant", "penchant.db");

    /// <summary>
    /// Registers the engine on the configured SQLite file, API keys, limits, rate limiting, the JSON contract, problem
    /// details, OpenAPI, health checks and (when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) OpenTelemetry export.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddPenchantServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        PenchantBuilder penchant = builder.Services.AddPenchant(builder.Configuration.GetSection(OptionsSection));
        string database;
        string importsDirectory = Path.Combine(LocalDataRoot(), "penchant", "imports");
        if (PostgresConnectionString(builder.Configuration) is { } postgres)
        {
            // Many instances over one PostgreSQL database: nothing but caches lives in the process.
            penchant.UsePostgreSql(builder.Configuration.GetSection(PostgreSqlStoreOptions.Section));
            builder.Services.PostConfigure<PostgreSqlStoreOptions>(options => options.ConnectionString = postgres);
            var described = new PostgreSqlDatabase(new PostgreSqlStoreOptions
            {
                ConnectionString = postgres,
                Schema = builder.Configuration[PostgreSqlStoreOptions.Section + ":Schema"] is { Length: > 0 } schema ? schema : "penchant",
            });
            database = "PostgreSQL " + described.Description;
            described.Dispose();
        }
        else
        {
            string databasePath = builder.Configuration[DatabaseKey] is { Length: > 0 } configured ? configured : DefaultDatabasePath;
            EnsureDirectory(databasePath);
            penchant.UseSqlite(databasePath);
            importsDirectory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "imports");
            database = "SQLite database " + databasePath;
        }

        // Every recorded choice extends the user's sequence; /v1/users/{userId}/recommendations reads it.
        penchant.AddSequenceRecommendation();
        penchant
            // The generator caches texts and coalesces concurrent requests' texts into model calls. The service runs the
            // model in 8-bit weights unless configured otherwise: a third of the CPU per text, which is most of a write.
            .UseMiniLmEmbeddings(options =>
            {
                options.Precision = MiniLmPrecision.Int8;
                builder.Configuration.GetSection(EmbeddingsSection).Bind(options);
            });

        builder.Services.AddOptions<DecidingOptions>().Bind(builder.Configuration.GetSection(DecidingSection));
        builder.Services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection(ServiceOptions.Section));
        builder.Services.AddOptionsWithValidateOnStart<ServiceOptions, ServiceOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddPenchantWebhooks(builder.Configuration);
        builder.Services.AddPenchantImports(builder.Configuration, importsDirectory);
        builder.Services.AddSingleton<TrainingJobs>();
        builder.Services.AddHostedService<TrainingWorker>();
        builder.Services.AddSingleton(new DatabaseLocation(database));
        var readiness = new ReadinessState();
        builder.Services.AddSingleton(readiness);
        builder.Logging.AddFilter(ReadinessLogFilter.Category, level => ReadinessLogFilter.Allows(readiness, level));
        if (!IsGeneratingDocument)
        {
            builder.Services.AddHostedService<StartupService>();
            builder.Services.AddHostedService<ExpirySweepService>();
        }

        builder.Services.ConfigureHttpJsonOptions(static options => PenchantJsonContext.ConfigureOptions(options.SerializerOptions));
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<IOptions<ServiceOptions>>(static (json, service) => json.SerializerOptions.MaxDepth = service.Value.MaxJsonDepth);
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServiceOptions>>(static (kestrel, service) => kestrel.Limits.MaxRequestBodySize = service.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ServiceOptions>>(static (host, service) => host.ShutdownTimeout = service.Value.ShutdownTimeout);
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>()
            .Configure<IOptions<ServiceOptions>>(static (timeouts, service) => timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = service.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            });

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(static options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Handlers.RateLimitPolicy, static context =>
            {
                ServiceOptions limits = context.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value;
                string partition = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? string.Empty;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RateLimitBurst,
                    TokensPerPeriod = limits.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = limits.RateLimitQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });
            });
        });

        // Binding failures are thrown in every environment, so that ApiExceptionHandler answers them in words (JsonBindingErrors).
        builder.Services.Configure<RouteHandlerOptions>(static options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(static options => options.CustomizeProblemDetails = ApiProblems.AddErrorCode);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("ready", tags: [ReadinessCheck.Tag])
            .AddCheck<DatabaseCheck>("database", tags: [ReadinessCheck.Tag]);
        builder.Services.AddOpenApi(static options => options.AddDocumentTransformer<ApiKeySecurityTransformer>().AddDocumentTransformer<OpenApiCleanupTransformer>());
        builder.AddPenchantTelemetry();
        builder.AddPenchantDashboard();

        return builder;
    }

    /// <summary>
    /// Maps the error handling, limits, authentication, rate limiting, the API by area (memory, signals, ranking, training, decisions, Personalizer v1.0), the OpenAPI document
    /// (<c>/openapi/v1.json</c>), the API page (<c>/scalar</c>) and the health endpoints (<c>/health</c>,
    /// <c>/health/live</c>, <c>/health/ready</c>).
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static WebApplication MapPenchantServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<JsonBodyMiddleware>();

        app.MapMemoryApi();
        app.MapPreferenceSignalsApi();
        app.MapSignalsApi();
        app.MapRankingApi();
        app.MapTrainingApi();
        app.MapDecisionsApi();
        app.MapPersonalizerApi();
        app.MapRecommendationsApi();
        app.MapExplainApi();
        app.MapSearchApi();
        app.MapWebhooksApi();
        app.MapImportsApi();
        app.MapUsersApi();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = static _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = static check => check.Tags.Contains(ReadinessCheck.Tag) });
        app.MapOpenApi();
        app.MapScalarApiReference(static options => options
            .WithTitle("Penchant API")
            .AddPreferredSecuritySchemes(ApiKeySecurityTransformer.SchemeName));
        app.MapPenchantDashboard();

        Log.UsingDatabase(app.Logger, app.Services.GetRequiredService<DatabaseLocation>().Description);
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        HttpContext http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            http.Response.Headers.RetryAfter = "1";
        }

        IProblemDetailsService problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "This API key made more requests than its rate limit allows; retry after the Retry-After delay.",
                Extensions = { [ApiProblems.ErrorCodeKey] = ApiProblems.RateLimited },
            },
        });
    }

    /// <summary>Gets a value indicating whether the build is running the app only to write its OpenAPI document (no start-up work then).</summary>
    private static bool IsGeneratingDocument =>
        string.Equals(System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name, "GetDocument.Insider", StringComparison.Ordinal);

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

    /// <summary>Gets the PostgreSQL connection string the configuration gives (<see cref="PostgresKey"/>, else the options section's), or <see langword="null"/> for SQLite.</summary>
    private static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration[PostgresKey] is { Length: > 0 } postgres ? postgres
        : configuration[PostgreSqlStoreOptions.Section + ":" + nameof(PostgreSqlStoreOptions.ConnectionString)] is { Length: > 0 } section ? section
        : null;

    /// <summary>Where the service keeps its data (logged once at start-up), without credentials.</summary>
    /// <param name="Description">The SQLite file, or the PostgreSQL server, database and schema.</param>
    internal sealed record DatabaseLocation(string Description);

    /// <summary>Turns exceptions that escape a handler into problem details with an error code.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILoggerFactory loggers) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad)
            {
                JsonBodyError error = JsonBindingErrors.Describe(
                    bad,
                    httpContext.Items.ContainsKey(JsonBindingErrors.EmptyBodyItem),
                    httpContext.Items.TryGetValue(JsonBindingErrors.RequestTypeItem, out object? type) ? type as Type : null,
                    httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ApiProblems.From(error).ExecuteAsync(httpContext);
                return true;
            }

            (int status, string code, string title) = ApiProblems.Classify(exception);
            httpContext.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                // The database is down or restarting: tell the client when to try again (with its idempotency key).
                Log.StoreUnavailable(loggers.CreateLogger(typeof(ServerHost).FullName!), exception);
                httpContext.Response.Headers.RetryAfter = ApiProblems.StoreRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = title,
                    Detail = status < 500 ? ApiProblems.MessageOf(exception) : status == StatusCodes.Status503ServiceUnavailable ? ApiProblems.StoreUnavailableDetail : null,
                    Extensions = { [ApiProblems.ErrorCodeKey] = code },
                },
            });
        }
    }
}
