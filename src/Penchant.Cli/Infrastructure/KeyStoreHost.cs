using Penchant.PostgreSql;
using Penchant.Sqlite;
using Penchant.Storage;

namespace Penchant.Cli.Infrastructure;

/// <summary>The API-key store of the database a command works on, with what must be closed afterwards (PostgreSQL's connection pool).</summary>
internal sealed class KeyStoreHost : IAsyncDisposable
{
    private readonly PostgreSqlDatabase? _database;

    private KeyStoreHost(IApiKeyStore keys, PostgreSqlDatabase? database)
    {
        Keys = keys;
        _database = database;
    }

    /// <summary>Gets the key store.</summary>
    public IApiKeyStore Keys { get; }

    /// <summary>Opens the keys kept in a SQLite file.</summary>
    public static KeyStoreHost ForSqlite(string path) => new(new SqliteApiKeyStore(path), null);

    /// <summary>Opens the keys kept in a PostgreSQL database.</summary>
    public static KeyStoreHost ForPostgres(string connectionString)
    {
        var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = connectionString });
        return new(new PostgreSqlApiKeyStore(database), database);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
