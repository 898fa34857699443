using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>
/// One PostgreSQL database as the Penchant stores use it: a pool of connections (an <see cref="NpgsqlDataSource"/>), the
/// schema's migrations, a readiness check, and the translation of provider failures into Penchant's exceptions.
/// <see cref="PostgreSqlPreferenceStore"/> and <see cref="PostgreSqlApiKeyStore"/> share one.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Migrations run once per instance, on first use, in one transaction under an advisory lock on the schema's
/// name: instances that start at once wait for each other, and a schema already at the current version is left as it is.
/// </para>
/// <para>
/// A failure to reach the server (refused or dropped connection, restart, timeout, exhausted pool) is reported as
/// <see cref="StoreUnavailableException"/>; other server errors as <see cref="PenchantException"/>. Neither message holds
/// user content (server error details are not requested).
/// </para>
/// </remarks>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private const string MigrationsTable = "schema_migrations";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _dedicatedSource;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private readonly long _lockKey;
    private readonly int _warmConnections;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlDatabase"/> class. Nothing is opened until first use.</summary>
    /// <param name="options">The server, schema, pool and timeouts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is missing or malformed, or the schema name is not a plain lower-case identifier.</exception>
    public PostgreSqlDatabase(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"Set {nameof(PostgreSqlStoreOptions)}.{nameof(PostgreSqlStoreOptions.ConnectionString)} to an Npgsql connection string (Host=…;Database=…;Username=…;Password=…).", nameof(options));
        }

        if (!IsPlainIdentifier(options.Schema))
        {
            throw new ArgumentException($"The schema name '{options.Schema}' must be 1 to 63 lower-case ASCII letters, digits or underscores, starting with a letter or an underscore.", nameof(options));
        }

        NpgsqlDataSourceBuilder builder;
        DbConnectionStringBuilder given;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            given = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The PostgreSQL connection string is malformed: {ex.Message}", nameof(options), ex);
        }

        NpgsqlConnectionStringBuilder settings = builder.ConnectionStringBuilder;
        if (!Names(given, "Maximum Pool Size", "MaxPoolSize", "Max Pool Size"))
        {
            settings.MaxPoolSize = options.MaxPoolSize;
        }

        if (!Names(given, "Minimum Pool Size", "MinPoolSize", "Min Pool Size"))
        {
            settings.MinPoolSize = Math.Min(options.MinPoolSize, settings.MaxPoolSize);
        }

        if (!Names(given, "Connection Idle Lifetime", "ConnectionIdleLifetime"))
        {
            settings.ConnectionIdleLifetime = (int)Math.Ceiling(options.ConnectionIdleLifetime.TotalSeconds);
        }

        if (!Names(given, "Timeout"))
        {
            settings.Timeout = (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds);
        }

        if (!Names(given, "Command Timeout", "CommandTimeout"))
        {
            settings.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        }

        if (!Names(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            // The store runs a few dozen distinct statements over and over: let Npgsql prepare them on each connection.
            settings.MaxAutoPrepare = 64;
        }

        if (!Names(given, "Application Name", "ApplicationName"))
        {
            settings.ApplicationName = "penchant";
        }

        Schema = options.Schema;
        Host = settings.Host ?? "(default host)";
        DatabaseName = settings.Database ?? settings.Username ?? "(default database)";
        _lockKey = LockKey("penchant.migrate:" + Schema);
        Options = options;
        _warmConnections = settings.MinPoolSize;
        _dataSource = builder.Build();

        // Connections held for a long time (the notification listener) live outside the pool, with keepalives so a
        // connection lost without a word is noticed.
        var dedicated = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        dedicated.ConnectionStringBuilder.Pooling = false;
        dedicated.ConnectionStringBuilder.KeepAlive = (int)Math.Ceiling(options.ListenerKeepAlive.TotalSeconds);
        dedicated.ConnectionStringBuilder.ApplicationName = settings.ApplicationName + "-listener";
        _dedicatedSource = dedicated.Build();
    }

    /// <summary>Gets the options the database was created with.</summary>
    public PostgreSqlStoreOptions Options { get; }

    /// <summary>Gets the schema that holds the store's tables.</summary>
    public string Schema { get; }

    /// <summary>Gets the server's host name as the connection string gives it (no credentials), for logs and readiness.</summary>
    public string Host { get; }

    /// <summary>Gets the database's name as the connection string gives it, for logs and readiness.</summary>
    public string DatabaseName { get; }

    /// <summary>Gets a description of where the data lives, without credentials: <c>postgresql://host/database (schema)</c>.</summary>
    public string Description => $"postgresql://{Host}/{DatabaseName} (schema {Schema})";

    /// <summary>Creates the schema or brings it to the current version; idempotent, and safe when several processes start at once.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The schema was written by a newer version of this package, or the server refused a migration.</exception>
    /// <exception cref="ObjectDisposedException">The database was disposed.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_initialized)
        {
            return;
        }

        await _initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
            _ = WarmPoolAsync();
        }
        catch (NpgsqlException ex)
        {
            throw Failure(ex, "migrate its schema", cancellationToken);
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <summary>Checks that the server answers and the schema is current (what a readiness probe asks).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the server answered.</returns>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server answered with an error.</exception>
    /// <exception cref="ObjectDisposedException">The database was disposed.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw Failure(ex, "answer", cancellationToken);
            }
        }
    }

    /// <summary>Releases the pool's connections.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
            await _dedicatedSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the pool's connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _dataSource.Dispose();
            _dedicatedSource.Dispose();
        }
    }

    /// <summary>Puts the schema's name into a statement written with <c>{s}</c> for it.</summary>
    internal string Sql(string template) => template.Replace("{s}", Schema, StringComparison.Ordinal);

    /// <summary>Opens a pooled connection, migrating the schema first on first use.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw Failure(ex, "be reached", cancellationToken);
        }
    }

    /// <summary>Opens a connection outside the pool (the caller closes it), with keepalives, migrating the schema first on first use.</summary>
    internal async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await _dedicatedSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw Failure(ex, "be reached", cancellationToken);
        }
    }

    /// <summary>Gets a notification channel name of this schema (at most 63 bytes, the same in every process).</summary>
    internal string Channel(string purpose) => "penchant_" + purpose + "_" + ((ulong)LockKey("penchant.channel:" + Schema)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Translates a provider failure: cancellation stays cancellation, an unreachable server becomes <see cref="StoreUnavailableException"/>.</summary>
    internal Exception Failure(NpgsqlException exception, string operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The operation was cancelled.", exception, cancellationToken);
        }

        string where = Description;
        if (exception is PostgresException postgres)
        {
            switch (postgres.SqlState)
            {
                case PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter:
                    return new ArgumentException("A text holds a character PostgreSQL cannot store (a NUL character); nothing was changed.", exception);
                case PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected:
                    return new ConcurrencyException("Another writer changed the user's data at the same time; re-read and retry.", exception);
            }

            if (!postgres.IsTransient)
            {
                return new PenchantException($"The PostgreSQL store {where} could not {operation}: {postgres.SqlState} {postgres.MessageText}", exception);
            }
        }

        return exception.IsTransient || exception.InnerException is TimeoutException or IOException or System.Net.Sockets.SocketException
            ? new StoreUnavailableException($"The PostgreSQL store {where} could not {operation}: the server is unavailable ({exception.Message}); retry later.", exception)
            : new PenchantException($"The PostgreSQL store {where} could not {operation}: {exception.Message}", exception);
    }

    private static bool IsPlainIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Names(DbConnectionStringBuilder given, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (given.ContainsKey(key))
            {
                return true;
            }
        }

        return false;
    }

    // A stable 64-bit FNV-1a hash: the same schema name gives the same advisory lock in every process.
    private static long LockKey(string name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    // Opens the pool's minimum of connections in the background once the schema is current, so that the first burst of
    // requests finds them open instead of each waiting for a new connection (a TCP handshake, SCRAM authentication and a
    // new server process). Best effort: a connection that cannot be opened now is opened by the request that needs it.
    private async Task WarmPoolAsync()
    {
        var opening = new Task<NpgsqlConnection>[_warmConnections];
        for (int i = 0; i < opening.Length; i++)
        {
            opening[i] = _dataSource.OpenConnectionAsync().AsTask();
        }

        foreach (Task<NpgsqlConnection> task in opening)
        {
            try
            {
                NpgsqlConnection connection = await task.ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // Nothing to do: the pool opens connections on demand.
            }
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The lock is held to the end of the transaction: a second process waits here, then finds the schema current.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, _lockKey).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, Sql("CREATE SCHEMA IF NOT EXISTS {s}"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    Sql($"CREATE TABLE IF NOT EXISTS {{s}}.{MigrationsTable} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"),
                    cancellationToken).ConfigureAwait(false);

                using NpgsqlCommand read = new(Sql($"SELECT coalesce(max(version), 0) FROM {{s}}.{MigrationsTable}"), connection, transaction);
                int version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (version > PostgreSqlSchema.Version)
                {
                    throw new PenchantException(
                        $"The PostgreSQL store {Description} has schema version {version}, newer than version {PostgreSqlSchema.Version} that this version of Penchant.PostgreSql understands; upgrade the package.");
                }

                for (int step = version; step < PostgreSqlSchema.Version; step++)
                {
                    await ExecuteAsync(connection, transaction, Sql(PostgreSqlSchema.Migrations[step]), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, Sql($"INSERT INTO {{s}}.{MigrationsTable} (version) VALUES ($1)"), cancellationToken, step + 1).ConfigureAwait(false);
                }

                // The webhook outbox (create-if-missing, under the same lock): the preference store's commits add deliveries to it.
                await ExecuteAsync(connection, transaction, Sql(PostgreSqlWebhookStore.Schema), cancellationToken).ConfigureAwait(false);

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        using NpgsqlCommand command = new(sql, connection, transaction);
        foreach (object parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
