using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>The service on a temporary SQLite file with the real MiniLM model; one per test class.</summary>
public class PenchantServerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "penchant-server-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Initializes a new instance of the <see cref="PenchantServerFactory"/> class on a new temporary SQLite file.</summary>
    public PenchantServerFactory()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PenchantServerFactory"/> class.</summary>
    /// <param name="databasePath">The SQLite file (the caller deletes it), or <see langword="null"/> for a new temporary one.</param>
    protected PenchantServerFactory(string? databasePath) => DatabasePath = databasePath ?? Path.Combine(_directory, "penchant.db");

    /// <summary>Gets the database file the service uses.</summary>
    public string DatabasePath { get; }

    /// <summary>Gets the key store of the service.</summary>
    public IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();

    /// <summary>Creates a client that sends a new API key of <paramref name="tenant"/> (creating the tenant if needed).</summary>
    public async Task<HttpClient> CreateTenantClientAsync(string tenant, CancellationToken cancellationToken)
    {
        HttpClient client = CreateClient();
        await Keys.CreateTenantAsync(tenant, cancellationToken);
        CreatedApiKey key = await Keys.CreateKeyAsync(tenant, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return client;
    }

    /// <summary>Counts the rows of the preference store's tables (events, preferences, users), to prove a request changed nothing.</summary>
    public virtual async Task<string> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM preferences) || '/' || (SELECT count(*) FROM users) || '/' || (SELECT coalesce(sum(length(coalesce(text, ''))), 0) FROM events);";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (the model loads in the background after start).</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        HttpClient client = CreateClient();
        for (int attempt = 0; attempt < 600; attempt++)
        {
            HttpResponseMessage response = await client.GetAsync("/health/ready", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException("The service did not become ready within a minute.");
    }

    /// <summary>Gets extra configuration settings.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerHost.DatabaseKey, DatabasePath);
        builder.UseSetting("Penchant:Service:BootstrapKey", "false");

        // Tests share two cores with the rest of the suite; under heavy load (load average 30+) a first request that loads
        // the model could pass the default 30 s and fail with 504. Tests that are about timeouts set their own.
        builder.UseSetting("Penchant:Service:RequestTimeout", "00:02:00");
        foreach ((string key, string value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(static logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The service with a tiny rate limit (2 requests, then 1 per second per key) and small limits.</summary>
public sealed class LimitedServerFactory : PenchantServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Penchant:Service:RateLimitPerSecond", "1"),
        new("Penchant:Service:RateLimitBurst", "2"),
    ];
}
