using Microsoft.Data.Sqlite;
using Penchant.Storage;
using Penchant.Storage.Conformance;

namespace Penchant.Sqlite;

/// <summary>Creates each test's store in a new file under a temporary directory that is deleted afterwards.</summary>
public sealed class SqliteStoreFixture : IStoreFixture, IWebhookStoreFixture, IMetadataIndexFixture, IAsyncDisposable
{
    private int _count;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "penchant-sqlite-tests-" + Guid.NewGuid().ToString("N"));

    public string NewPath() => Path.Combine(Directory, $"store-{Interlocked.Increment(ref _count)}.db");

    public async Task<IPreferenceStore> CreateStoreAsync(CancellationToken cancellationToken = default)
    {
        var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = NewPath() });
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async Task<Penchant.Webhooks.IWebhookStore> CreateWebhookStoreAsync(CancellationToken cancellationToken = default)
    {
        var store = new SqliteWebhookStore(NewPath());
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async Task<(IPreferenceStore Preferences, Penchant.Webhooks.IWebhookStore Webhooks)> CreateStoresSharingADatabaseAsync(CancellationToken cancellationToken = default)
    {
        string path = NewPath();
        var preferences = new SqlitePreferenceStore(new SqliteStoreOptions { Path = path });
        await preferences.InitializeAsync(cancellationToken);
        var webhooks = new SqliteWebhookStore(path);
        await webhooks.InitializeAsync(cancellationToken);
        return (preferences, webhooks);
    }

    public async Task<IReadOnlyList<(string User, string Key, string Value, string PreferenceId)>> ReadMetadataIndexAsync(
        IPreferenceStore store, string tenantId, CancellationToken cancellationToken = default)
    {
        var rows = new List<(string, string, string, string)>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ((SqlitePreferenceStore)store).DataSource, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user, key, value, preference_id FROM preference_metadata WHERE tenant = $tenant;";
        command.Parameters.AddWithValue("$tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
