using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Storage;
using Penchant.Storage.Conformance;
using Penchant.Testing;

namespace Penchant.PostgreSql;

/// <summary>
/// A fresh database per test class, and a fresh schema in it per store, so tests never see each other's rows; the
/// database is dropped afterwards. Skips every test when <c>PENCHANT_POSTGRES</c> is unset.
/// </summary>
public sealed class PostgreSqlStoreFixture : IStoreFixture, IWebhookStoreFixture, IMetadataIndexFixture, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _database;
    private string? _connectionString;
    private readonly List<PostgreSqlDatabase> _webhookDatabases = [];
    private int _count;

    /// <summary>Gets a connection string to the class's database (created on first use).</summary>
    public async Task<string> ConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        PostgreSqlTestServer.Require();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connectionString is null)
            {
                (_database, _connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync(cancellationToken);
            }

            return _connectionString;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds one engine over a schema, as one service instance would: its own cache and pool, the deterministic hashing
    /// embedding generator (what is tested is the store and the cache, not the model).
    /// </summary>
    public static ServiceProvider CreateInstance(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        services.AddPenchant().UsePostgreSql(o =>
        {
            o.ConnectionString = options.ConnectionString;
            o.Schema = options.Schema;
            o.MinPoolSize = options.MinPoolSize;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Gets options for a new schema no other store of the class uses.</summary>
    public async Task<PostgreSqlStoreOptions> NewOptionsAsync(CancellationToken cancellationToken = default) => new()
    {
        ConnectionString = await ConnectionStringAsync(cancellationToken),
        Schema = $"store_{Interlocked.Increment(ref _count)}",

        // No warm connections kept: a test class opens dozens of stores on one shared server.
        MinPoolSize = 0,
    };

    public async Task<IPreferenceStore> CreateStoreAsync(CancellationToken cancellationToken = default)
    {
        var store = new PostgreSqlPreferenceStore(await NewOptionsAsync(cancellationToken));
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async Task<Penchant.Webhooks.IWebhookStore> CreateWebhookStoreAsync(CancellationToken cancellationToken = default)
    {
        var database = new PostgreSqlDatabase(await NewOptionsAsync(cancellationToken));
        _webhookDatabases.Add(database);
        var store = new PostgreSqlWebhookStore(database);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async Task<(IPreferenceStore Preferences, Penchant.Webhooks.IWebhookStore Webhooks)> CreateStoresSharingADatabaseAsync(CancellationToken cancellationToken = default)
    {
        var database = new PostgreSqlDatabase(await NewOptionsAsync(cancellationToken));
        _webhookDatabases.Add(database);
        var preferences = new PostgreSqlPreferenceStore(database);
        await preferences.InitializeAsync(cancellationToken);
        var webhooks = new PostgreSqlWebhookStore(database);
        await webhooks.InitializeAsync(cancellationToken);
        return (preferences, webhooks);
    }

    public async Task<IReadOnlyList<(string User, string Key, string Value, string PreferenceId)>> ReadMetadataIndexAsync(
        IPreferenceStore store, string tenantId, CancellationToken cancellationToken = default)
    {
        PostgreSqlDatabase database = ((PostgreSqlPreferenceStore)store).Database;
        var rows = new List<(string, string, string, string)>();
        await using var connection = new Npgsql.NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand($"SELECT user_id, key, value, preference_id FROM {database.Schema}.preference_metadata WHERE tenant = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (PostgreSqlDatabase database in _webhookDatabases)
        {
            await database.DisposeAsync();
        }

        if (_database is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_database);
        }

        _gate.Dispose();
    }
}
