using Microsoft.Data.Sqlite;

namespace Penchant.Sqlite;

/// <summary>
/// Connections to tables that a class other than the preference store keeps in the preference database file (the service's
/// API keys, the webhooks and their outbox): each connection waits for the write lock up to 30 s and commits with
/// <c>synchronous=FULL</c>, and the first one of the process prepares the file in WAL mode (the API key store creates its
/// tables; the webhook store brings the file's schema to the current version, which holds its tables).
/// </summary>
/// <remarks>Thread-safe. No file is touched until the first <see cref="OpenAsync"/>.</remarks>
internal sealed class SqliteSideTables
{
    private readonly string _connectionString;
    private readonly Func<SqliteConnection, CancellationToken, Task> _prepare;
    private readonly string? _directory;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Initializes a new instance of the <see cref="SqliteSideTables"/> class.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="prepare">Prepares the file on the first connection (creates or upgrades the tables, idempotently).</param>
    /// <param name="createDirectory">Whether the first connection creates the file's folder when it is missing.</param>
    public SqliteSideTables(string databasePath, Func<SqliteConnection, CancellationToken, Task> prepare, bool createDirectory)
    {
        string path = Path.GetFullPath(databasePath);
        _prepare = prepare;
        DataSource = path;
        _directory = createDirectory ? Path.GetDirectoryName(path) : null;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Gets the full path of the file.</summary>
    public string DataSource { get; }

    /// <summary>Gets a preparation that runs idempotent DDL in WAL mode.</summary>
    /// <param name="schema">The DDL (<c>CREATE … IF NOT EXISTS</c>).</param>
    /// <returns>The preparation.</returns>
    public static Func<SqliteConnection, CancellationToken, Task> Ddl(string schema) => async (connection, cancellationToken) =>
    {
        SqliteCommand command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA journal_mode = WAL;" + schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    };

    /// <summary>Opens a connection, preparing the file on first use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized && _directory is { Length: > 0 })
        {
            Directory.CreateDirectory(_directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteCommand pragmas = connection.CreateCommand();
            await using (pragmas.ConfigureAwait(false))
            {
                pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_initialized)
            {
                await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_initialized)
                    {
                        await _prepare(connection, cancellationToken).ConfigureAwait(false);
                        _initialized = true;
                    }
                }
                finally
                {
                    _initLock.Release();
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
