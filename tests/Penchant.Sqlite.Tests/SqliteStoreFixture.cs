using Microsoft.Data.Sqlite;
using Penchant.Storage;
using Penchant.Storage.Conformance;

namespace Penchant.Sqlite;

/// <summary>Creates each test's store in a new file under a temporary directory that is deleted afterwards.</summary>
public sealed class SqliteStoreFixture : IStoreFixture, IWebhookStoreFixture, IAsyncDisposable
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
