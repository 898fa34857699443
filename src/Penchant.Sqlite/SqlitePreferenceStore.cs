using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Storage.Codecs;
using Penchant.Webhooks;

namespace Penchant.Sqlite;

/// <summary>
/// Stores users' event logs and preferences in one SQLite file: the default store, which needs no setup.
/// </summary>
/// <remarks>
/// <para>
/// The store is safe for concurrent use. Each operation takes its own pooled connection; reads run in parallel
/// with writes (the file is in WAL mode), and writes inside one process are queued so they do not spin on SQLite's
/// lock. Another process may share the file; its writers wait up to <see cref="SqliteStoreOptions.BusyTimeout"/>.
/// </para>
/// <para>
/// A successful <see cref="CommitAsync"/> is durable (<c>synchronous=FULL</c>): it survives a killed process or a
/// power loss. Deleted and redacted content is overwritten (<c>secure_delete</c>) and the write-ahead log is
/// truncated after a deletion or redaction, so a user's text cannot be read back from the file; copies made
/// outside SQLite (backups, file-system snapshots) are not covered.
/// </para>
/// <para>
/// Event and preference texts are user content; the store never logs them and never puts them in exception messages.
/// The schema is created on <see cref="InitializeAsync"/> or on first use, whichever comes first.
/// </para>
/// </remarks>
public sealed class SqlitePreferenceStore : IPreferenceStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this code writes, kept in <c>PRAGMA user_version</c>.</summary>
    internal const int SchemaVersion = SqliteSchema.Version;

    private const int SqliteConstraintUnique = 2067;
    private const string TimestampFormat = "o";

    // At most this many queued changes share one transaction, so one slow batch cannot hold the write lock for long.
    private const int MaxGroupCommit = 64;
    private const string Savepoint = "change";

    private static readonly object ConfiguredMarker = new();

    private static readonly string[] UserTables = ["preference_metadata", "events", "preferences", "models", "users"];

    private readonly string _connectionString;
    private readonly string _dataSource;
    private readonly string? _directory;
    private readonly bool _inMemory;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<PendingCommit> _commitQueue = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configuredHandles = new();
    private SqliteConnection? _keepAlive;

    // The connection group commits run on, kept open with its prepared statements; only the holder of the write gate uses it.
    private WriterStatements? _writer;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="SqlitePreferenceStore"/> class. No file is touched until first use.</summary>
    /// <param name="options">Where the database lives.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Neither or both of <see cref="SqliteStoreOptions.Path"/> and <see cref="SqliteStoreOptions.ConnectionString"/> are set,
    /// the connection string names a private in-memory database, or the busy timeout is negative.
    /// </exception>
    public SqlitePreferenceStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool hasPath = !string.IsNullOrWhiteSpace(options.Path);
        bool hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasPath == hasConnectionString)
        {
            throw new ArgumentException(
                $"Set exactly one of {nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.Path)} and {nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)}.",
                nameof(options));
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"{nameof(SqliteStoreOptions.BusyTimeout)} must be between zero and {int.MaxValue} ms.", nameof(options));
        }

        var builder = hasPath
            ? new SqliteConnectionStringBuilder { DataSource = options.Path, Mode = SqliteOpenMode.ReadWriteCreate }
            : new SqliteConnectionStringBuilder(options.ConnectionString);

        string dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory)
        {
            if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Cache != SqliteCacheMode.Shared)
            {
                throw new ArgumentException(
                    "An in-memory SQLite store needs a named, shared database: Data Source=name;Mode=Memory;Cache=Shared.",
                    nameof(options));
            }

            _inMemory = true;
        }
        else if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            throw new ArgumentException(
                "A private in-memory or temporary SQLite database would be lost between operations; give a file path, or use Data Source=name;Mode=Memory;Cache=Shared.",
                nameof(options));
        }
        else if (!dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            dataSource = System.IO.Path.GetFullPath(dataSource);
            builder.DataSource = dataSource;
            _directory = System.IO.Path.GetDirectoryName(dataSource);
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        int busyMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        _connectionString = builder.ToString();
        _dataSource = dataSource;
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;");
    }

    /// <summary>Gets the database file path (or the connection string's data source) this store uses.</summary>
    public string DataSource => _dataSource;

    /// <inheritdoc/>
    /// <exception cref="PenchantException">The file cannot be created or opened, is not a SQLite database, or was written by a newer schema.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
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

            if (_directory is not null)
            {
                CreateDirectory(_directory);
            }

            if (_inMemory && _keepAlive is null)
            {
                _keepAlive = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }

            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await SqliteSchema.MigrateAsync(connection, _dataSource, cancellationToken).ConfigureAwait(false);
            }

            _initialized = true;
        }
        catch (SqliteException ex)
        {
            throw Failure(ex, "be opened", cancellationToken);
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<UserState> GetStateAsync(UserKey user, CancellationToken cancellationToken = default) => GetStateAsync(user, MetadataFilter.None, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Each condition is one range of the metadata index's primary key (tenant, user, key, value, preference).</remarks>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<UserState> GetStateAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(filter);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                // A deferred transaction gives every read one snapshot of the file.
                var transaction = connection.BeginTransaction(deferred: true);
                await using (transaction.ConfigureAwait(false))
                {
                    long? version = await ReadVersionAsync(connection, transaction, user, cancellationToken).ConfigureAwait(false);
                    if (version is null)
                    {
                        return UserState.Empty;
                    }

                    var preferences = new List<Preference>();
                    using var command = SelectPreferences(connection, transaction, user, filter);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            preferences.Add(ReadPreference(reader));
                        }
                    }

                    using var last = CreateCommand(connection, transaction, "SELECT id FROM events WHERE tenant = $tenant AND user = $user ORDER BY seq DESC LIMIT 1;", user);
                    string? lastEventId = await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                    return new UserState(version.Value, preferences) { LastEventId = lastEventId };
                }
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, "read a user's state", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<LogPosition> GetLogPositionAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null, "SELECT seq, id FROM events WHERE tenant = $tenant AND user = $user ORDER BY seq DESC LIMIT 1;", user);
            var reader = await ExecuteReaderAsync(command, "read a user's log position", cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await ReadAsync(reader, "read a user's log position", cancellationToken).ConfigureAwait(false)
                    ? new LogPosition(reader.GetInt64(0), reader.GetString(1))
                    : default;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="eventIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<IReadOnlyList<PreferenceEvent>> FindEventsAsync(UserKey user, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new List<PreferenceEvent>();
        if (eventIds.Count == 0)
        {
            return found;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(
                connection,
                null,
                "SELECT seq, id, kind, role, text, scope, target, at, redacted, data, metadata, expires_at FROM events WHERE tenant = $tenant AND user = $user AND id = $id;",
                user);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (string eventId in eventIds.Distinct(StringComparer.Ordinal))
            {
                id.Value = eventId;
                var reader = await ExecuteReaderAsync(command, "find a user's events", cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (await ReadAsync(reader, "find a user's events", cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(ReadEvent(reader));
                    }
                }
            }
        }

        found.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return found;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="user"/> is not a valid key, or the change is malformed or appends an event whose identifier the user's log
    /// already holds; nothing is changed.
    /// </exception>
    /// <exception cref="PenchantException">SQLite failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<IReadOnlyList<PreferenceEvent>> CommitAsync(UserKey user, UserChange change, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Group commit: concurrent changes (of any users) wait in a queue; whoever holds the write gate commits everything
        // queued in one transaction, each change in its own savepoint, so one fsync acknowledges many writes and a change
        // that fails (a stale version, a duplicate id) fails alone.
        var pending = new PendingCommit(user, change);
        _commitQueue.Enqueue(pending);
        while (!pending.Completion.Task.IsCompleted)
        {
            try
            {
                await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (pending.TryAbandon())
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                // A committer has already taken the change: its outcome is the answer, whatever the token says now.
                break;
            }

            try
            {
                if (!pending.Completion.Task.IsCompleted)
                {
                    await CommitQueuedAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }

        // The completion is set by whichever caller committed the batch (possibly this one); it never waits on this context.
#pragma warning disable VSTHRD003
        return await pending.Completion.Task.ConfigureAwait(false);
#pragma warning restore VSTHRD003
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is negative.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public IAsyncEnumerable<PreferenceEvent> ReadEventsAsync(UserKey user, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return ReadEventsCoreAsync(user, afterSequence, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="PenchantException">SQLite failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<bool> DeleteUserAsync(UserKey user, CancellationToken cancellationToken = default) => DeleteUserAsync(user, [], cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="deliveries"/> is <see langword="null"/>.</exception>
    /// <exception cref="PenchantException">SQLite failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<bool> DeleteUserAsync(UserKey user, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(deliveries);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            bool existed = false;
            try
            {
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    int rows = 0;
                    foreach (string table in UserTables)
                    {
                        using var command = CreateCommand(connection, transaction, $"DELETE FROM {table} WHERE tenant = $tenant AND user = $user;", user);
                        rows += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (rows > 0)
                    {
                        await SqliteWebhookStore.InsertAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    existed = rows > 0;
                }

                return existed;
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, "delete a user", cancellationToken);
            }
            finally
            {
                if (existed)
                {
                    await TruncateWriteAheadLogAsync(connection).ConfigureAwait(false);
                }

                _writeGate.Release();
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Identifiers are ordered by UTF-16 code unit (<see cref="StringComparer.Ordinal"/>), as .NET sorts them.</remarks>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or whitespace.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public IAsyncEnumerable<string> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return ListUsersCoreAsync(tenantId, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async IAsyncEnumerable<UserKey> ListUsersWithExpiredPreferencesAsync(DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT tenant, user FROM preferences WHERE expires_at IS NOT NULL AND expires_at <= $now;";
            command.Parameters.AddWithValue("$now", asOf.ToUnixTimeMilliseconds());
            var reader = await ExecuteReaderAsync(command, "list users with expired preferences", cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await ReadAsync(reader, "list users with expired preferences", cancellationToken).ConfigureAwait(false))
                {
                    yield return new UserKey(reader.GetString(0), reader.GetString(1));
                }
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Identifiers are ordered by UTF-16 code unit (<see cref="StringComparer.Ordinal"/>), as .NET sorts them.</remarks>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<IReadOnlyList<UserSummary>> ListUserSummariesAsync(string tenantId, string? afterUserId, int limit, string? contains = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return SummarizeUsersCoreAsync(tenantId, null, afterUserId, limit, contains, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<UserSummary?> GetUserSummaryAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        IReadOnlyList<UserSummary> one = await SummarizeUsersCoreAsync(user.TenantId, user.UserId, null, 1, null, cancellationToken).ConfigureAwait(false);
        return one.Count > 0 ? one[0] : null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<StoredModel?> GetModelAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync(tenantId, string.Empty, name, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="PenchantException">SQLite failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<long> SaveModelAsync(string tenantId, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync(tenantId, string.Empty, name, payload, expectedVersion, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="PenchantException">SQLite failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<StoredModel?> GetUserModelAsync(UserKey user, string name, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync(user.TenantId, user.UserId, name, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="PenchantException">SQLite failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<long> SaveUserModelAsync(UserKey user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync(user.TenantId, user.UserId, name, payload, expectedVersion, cancellationToken);
    }

    /// <summary>Runs SQLite's <c>PRAGMA integrity_check</c> over the whole file.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if SQLite reports the database intact; <see langword="false"/> if it found corruption.</returns>
    /// <remarks>Reads every page of the file, so it takes time proportional to the file's size; run it off the request path.</remarks>
    /// <exception cref="PenchantException">The file cannot be opened or is not a SQLite database.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<bool> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA integrity_check;";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    int rows = 0;
                    bool ok = false;
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows++;
                        ok = string.Equals(reader.GetString(0), "ok", StringComparison.Ordinal);
                    }

                    return rows == 1 && ok;
                }
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, "check its integrity", cancellationToken);
            }
        }
    }

    /// <summary>Reads a pragma on a connection as the store's operations get it (per-connection settings included).</summary>
    /// <param name="name">The pragma's name, from code (never user input).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pragma's first value.</returns>
    internal async Task<object?> ReadPragmaAsync(string name, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the store's pooled connections so the file can be moved or deleted.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    /// <remarks>Operations still running finish on the connection they hold; operations started afterwards throw <see cref="ObjectDisposedException"/>.</remarks>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the store's pooled connections so the file can be moved or deleted.</summary>
    /// <remarks>Operations still running finish on the connection they hold; operations started afterwards throw <see cref="ObjectDisposedException"/>.</remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Interlocked.Exchange(ref _writer, null)?.Dispose();
        _keepAlive?.Dispose();
        _keepAlive = null;
    }

    /// <summary>Commits every queued change in one transaction; the caller holds the write gate.</summary>
    private async Task CommitQueuedAsync()
    {
        var batch = new List<PendingCommit>();
        while (batch.Count < MaxGroupCommit && _commitQueue.TryDequeue(out PendingCommit? next))
        {
            if (next.TryClaim())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        var outcomes = new (IReadOnlyList<PreferenceEvent>? Appended, Exception? Error)[batch.Count];
        bool wroteDeletions = false;
        try
        {
            WriterStatements writer = _writer ??= new WriterStatements(await OpenAsync(CancellationToken.None).ConfigureAwait(false));
            SqliteConnection connection = writer.Connection;

            // BEGIN IMMEDIATE takes the write lock before any version is read, so no other writer can slip in between.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                for (int i = 0; i < batch.Count; i++)
                {
                    await transaction.SaveAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                    try
                    {
                        var (appended, deletes) = await CommitCoreAsync(connection, transaction, batch[i].User, batch[i].Change, writer, CancellationToken.None).ConfigureAwait(false);
                        await transaction.ReleaseAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                        outcomes[i] = (appended, null);
                        wroteDeletions |= deletes;
                    }
                    catch (Exception ex) when (ex is ConcurrencyException or ArgumentException or SqliteException)
                    {
                        await transaction.RollbackAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                        await transaction.ReleaseAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                        outcomes[i] = (null, ex is SqliteException sqlite ? Failure(sqlite, "commit a change", CancellationToken.None) : ex);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (wroteDeletions)
            {
                await TruncateWriteAheadLogAsync(connection).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The connection may be unusable (a disk error, a lost file): the next batch opens another.
            _writer?.Dispose();
            _writer = null;

            // Nothing of the batch is durable: every change fails.
            Exception failure = ex is SqliteException sqlite ? Failure(sqlite, "commit a change", CancellationToken.None) : ex;
            foreach (PendingCommit item in batch)
            {
                item.Completion.TrySetException(failure);
            }

            return;
        }

        for (int i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i].Appended!);
            }
        }
    }

    private static async Task<(IReadOnlyList<PreferenceEvent> Appended, bool Deletes)> CommitCoreAsync(
        SqliteConnection connection, SqliteTransaction transaction, UserKey user, UserChange change, WriterStatements writer, CancellationToken cancellationToken)
    {
        long? stored = await ReadVersionAsync(connection, transaction, user, cancellationToken, writer).ConfigureAwait(false);
        long version = stored ?? 0;
        if (version != change.ExpectedVersion)
        {
            throw new ConcurrencyException(
                $"The user's event log is at version {version.ToString(CultureInfo.InvariantCulture)}; the change was computed from version {change.ExpectedVersion.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (change.IsEmpty)
        {
            return ([], false);
        }

        if (stored is null)
        {
            using var insertUser = CreateCommand(connection, transaction, "INSERT INTO users (tenant, user, version) VALUES ($tenant, $user, 0);", user);
            await insertUser.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var appended = await AppendEventsAsync(transaction, user, version, change, writer, cancellationToken).ConfigureAwait(false);

        // The metadata index changes with the preferences: their rows go with them, an upsert's rows are written again.
        if (change.ReplaceAllPreferences)
        {
            using var deleteAll = CreateCommand(
                connection,
                transaction,
                "DELETE FROM preference_metadata WHERE tenant = $tenant AND user = $user; DELETE FROM preferences WHERE tenant = $tenant AND user = $user;",
                user);
            await deleteAll.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await UpsertPreferencesAsync(connection, transaction, user, change.Upsert, cancellationToken).ConfigureAwait(false);
        await ForEachIdAsync(connection, transaction, user, "DELETE FROM preference_metadata WHERE tenant = $tenant AND user = $user AND preference_id = $id;", change.Delete, cancellationToken).ConfigureAwait(false);
        await ForEachIdAsync(connection, transaction, user, "DELETE FROM preferences WHERE tenant = $tenant AND user = $user AND id = $id;", change.Delete, cancellationToken).ConfigureAwait(false);
        await ForEachIdAsync(connection, transaction, user, "UPDATE events SET text = NULL, scope = NULL, data = NULL, metadata = NULL, redacted = 1 WHERE tenant = $tenant AND user = $user AND id = $id;", change.Redact, cancellationToken).ConfigureAwait(false);

        if (change.ReplaceAllModels)
        {
            using var deleteModels = CreateCommand(connection, transaction, "DELETE FROM models WHERE tenant = $tenant AND user = $user;", user);
            await deleteModels.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach ((string name, ReadOnlyMemory<byte> payload) in change.UpsertModels)
        {
            using var upsertModel = CreateCommand(
                connection,
                transaction,
                """
                INSERT INTO models (tenant, user, name, version, payload) VALUES ($tenant, $user, $name, 1, $payload)
                ON CONFLICT (tenant, user, name) DO UPDATE SET version = version + 1, payload = excluded.payload;
                """,
                user);
            upsertModel.Parameters.AddWithValue("$name", name);
            upsertModel.Parameters.Add("$payload", SqliteType.Blob).Value = payload.ToArray();
            await upsertModel.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await SqliteWebhookStore.InsertAsync(connection, transaction, change.Deliveries, cancellationToken).ConfigureAwait(false);

        if (appended.Count > 0)
        {
            SqliteCommand updateVersion = writer.Get(transaction, "UPDATE users SET version = $version WHERE tenant = $tenant AND user = $user;", user, out bool created);
            if (created)
            {
                updateVersion.Parameters.Add("$version", SqliteType.Integer);
            }

            updateVersion.Parameters["$version"].Value = version + appended.Count;
            await updateVersion.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (appended, change.Redact.Count > 0 || change.Delete.Count > 0 || change.ReplaceAllPreferences);
    }

    private static async Task<IReadOnlyList<PreferenceEvent>> AppendEventsAsync(
        SqliteTransaction transaction, UserKey user, long version, UserChange change, WriterStatements writer, CancellationToken cancellationToken)
    {
        if (change.Append.Count == 0)
        {
            return [];
        }

        SqliteCommand command = writer.Get(
            transaction,
            """
            INSERT INTO events (tenant, user, seq, id, kind, role, text, scope, target, at, redacted, data, metadata, expires_at)
            VALUES ($tenant, $user, $seq, $id, $kind, $role, $text, $scope, $target, $at, $redacted, $data, $metadata, $expires);
            """,
            user,
            out bool created);
        if (created)
        {
            command.Parameters.Add("$seq", SqliteType.Integer);
            command.Parameters.Add("$id", SqliteType.Text);
            command.Parameters.AddWithValue("$kind", 0);
            command.Parameters.Add("$role", SqliteType.Text);
            command.Parameters.Add("$text", SqliteType.Text);
            command.Parameters.Add("$scope", SqliteType.Text);
            command.Parameters.Add("$target", SqliteType.Text);
            command.Parameters.Add("$at", SqliteType.Text);
            command.Parameters.Add("$redacted", SqliteType.Integer);
            command.Parameters.Add("$data", SqliteType.Text);
            command.Parameters.Add("$metadata", SqliteType.Text);
            command.Parameters.Add("$expires", SqliteType.Text);
        }

        SqliteParameterCollection parameters = command.Parameters;
        SqliteParameter seq = parameters["$seq"], id = parameters["$id"], kind = parameters["$kind"], role = parameters["$role"], text = parameters["$text"];
        SqliteParameter scope = parameters["$scope"], target = parameters["$target"], at = parameters["$at"], redacted = parameters["$redacted"];
        SqliteParameter data = parameters["$data"], metadata = parameters["$metadata"], expires = parameters["$expires"];

        var redactNow = change.Redact.Count == 0 ? null : new HashSet<string>(change.Redact, StringComparer.Ordinal);
        var appended = new PreferenceEvent[change.Append.Count];
        for (int i = 0; i < appended.Length; i++)
        {
            var item = change.Append[i] with { Sequence = version + i + 1 };
            seq.Value = item.Sequence;
            id.Value = item.Id;
            // The built-in kinds keep the integer codes older files hold; a kind added later is stored by name.
            kind.Value = item.Kind.Code is int code ? code : item.Kind.Name;
            role.Value = (object?)item.Role ?? DBNull.Value;
            text.Value = (object?)item.Text ?? DBNull.Value;
            scope.Value = (object?)item.Scope ?? DBNull.Value;
            target.Value = (object?)item.Target ?? DBNull.Value;
            at.Value = item.At.ToString(TimestampFormat, CultureInfo.InvariantCulture);
            redacted.Value = item.Redacted ? 1 : 0;
            data.Value = (object?)item.Data ?? DBNull.Value;
            metadata.Value = (object?)MetadataCodec.ToJson(item.Metadata) ?? DBNull.Value;
            expires.Value = item.ExpiresAt is { } expiresAt ? expiresAt.ToString(TimestampFormat, CultureInfo.InvariantCulture) : DBNull.Value;
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintUnique)
            {
                throw new ArgumentException($"The user's event log already holds an event with identifier '{item.Id}'; nothing was changed.", nameof(change), ex);
            }

            // The caller sees the events as they are stored once the change is committed.
            appended[i] = redactNow is not null && redactNow.Contains(item.Id)
                ? item.Redact()
                : item;
        }

        return appended;
    }

    private static async Task UpsertPreferencesAsync(
        SqliteConnection connection, SqliteTransaction transaction, UserKey user, IReadOnlyList<Preference> preferences, CancellationToken cancellationToken)
    {
        if (preferences.Count == 0)
        {
            return;
        }

        // A replaced preference keeps its position (ordinal); a new one goes last.
        using var command = CreateCommand(
            connection,
            transaction,
            """
            INSERT INTO preferences (tenant, user, id, ordinal, payload, embedding, expires_at)
            VALUES ($tenant, $user, $id,
                    (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM preferences WHERE tenant = $tenant AND user = $user),
                    $payload, $embedding, $expires)
            ON CONFLICT (tenant, user, id) DO UPDATE SET payload = excluded.payload, embedding = excluded.embedding, expires_at = excluded.expires_at;
            """,
            user);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        var embedding = command.Parameters.Add("$embedding", SqliteType.Blob);
        var expires = command.Parameters.Add("$expires", SqliteType.Integer);
        using var clearMetadata = CreateCommand(connection, transaction, "DELETE FROM preference_metadata WHERE tenant = $tenant AND user = $user AND preference_id = $id;", user);
        var clearId = clearMetadata.Parameters.Add("$id", SqliteType.Text);
        using var insertMetadata = CreateCommand(
            connection,
            transaction,
            "INSERT INTO preference_metadata (tenant, user, key, value, preference_id) VALUES ($tenant, $user, $key, $value, $id);",
            user);
        var metadataId = insertMetadata.Parameters.Add("$id", SqliteType.Text);
        var key = insertMetadata.Parameters.Add("$key", SqliteType.Text);
        var value = insertMetadata.Parameters.Add("$value", SqliteType.Text);
        foreach (var preference in preferences)
        {
            expires.Value = preference.ExpiresAt is { } expiresAt ? expiresAt.ToUnixTimeMilliseconds() : DBNull.Value;
            id.Value = preference.Id;
            payload.Value = PreferenceCodec.ToJson(preference);
            embedding.Value = (object?)EmbeddingBlob.ToBytes(preference.Embedding) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            clearId.Value = preference.Id;
            await clearMetadata.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            metadataId.Value = preference.Id;
            foreach ((string k, string v) in preference.Metadata)
            {
                key.Value = k;
                value.Value = v;
                await insertMetadata.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ForEachIdAsync(
        SqliteConnection connection, SqliteTransaction transaction, UserKey user, string sql, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var command = CreateCommand(connection, transaction, sql, user);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (string value in ids)
        {
            id.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Every preference, or those whose metadata has, for each condition's key, one of its values (one index range per condition).
    private static SqliteCommand SelectPreferences(SqliteConnection connection, SqliteTransaction transaction, UserKey user, MetadataFilter filter)
    {
        var sql = new System.Text.StringBuilder("SELECT id, payload, embedding FROM preferences WHERE tenant = $tenant AND user = $user");
        var command = CreateCommand(connection, transaction, string.Empty, user);
        int k = 0;
        foreach ((string key, string[] values) in filter.Conditions)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND id IN (SELECT preference_id FROM preference_metadata WHERE tenant = $tenant AND user = $user AND key = $k{k} AND value IN (");
            command.Parameters.AddWithValue($"$k{k}", key);
            for (int v = 0; v < values.Length; v++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(v == 0 ? string.Empty : ", ")}$v{k}_{v}");
                command.Parameters.AddWithValue($"$v{k}_{v}", values[v]);
            }

            sql.Append("))");
            k++;
        }

        command.CommandText = sql.Append(" ORDER BY ordinal;").ToString();
        return command;
    }

    private static async Task<long?> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, UserKey user, CancellationToken cancellationToken, WriterStatements? writer = null)
    {
        const string Sql = "SELECT version FROM users WHERE tenant = $tenant AND user = $user;";
        SqliteCommand command = writer is null ? CreateCommand(connection, transaction, Sql, user) : writer.Get(transaction, Sql, user, out _);
        try
        {
            object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            if (writer is null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Preference ReadPreference(SqliteDataReader reader)
    {
        string id = reader.GetString(0);
        ReadOnlyMemory<float> embedding = reader.IsDBNull(2) ? ReadOnlyMemory<float>.Empty : EmbeddingBlob.FromBytes(reader.GetFieldValue<byte[]>(2));
        return PreferenceCodec.FromJson(id, reader.GetString(1), embedding);
    }

    private static PreferenceEvent ReadEvent(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Id = reader.GetString(1),
        Kind = reader.GetFieldType(2) == typeof(string) ? EventKind.FromName(reader.GetString(2)) : EventKind.FromCode(reader.GetInt32(2)),
        Role = GetNullableString(reader, 3),
        Text = GetNullableString(reader, 4),
        Scope = GetNullableString(reader, 5),
        Target = GetNullableString(reader, 6),
        At = DateTimeOffset.ParseExact(reader.GetString(7), TimestampFormat, CultureInfo.InvariantCulture),
        Redacted = reader.GetInt64(8) != 0,
        Data = GetNullableString(reader, 9),
        Metadata = MetadataCodec.FromJson(GetNullableString(reader, 10)),
        ExpiresAt = reader.IsDBNull(11) ? null : DateTimeOffset.ParseExact(reader.GetString(11), TimestampFormat, CultureInfo.InvariantCulture),
    };

    private static string? GetNullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction? transaction, string sql, UserKey user)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$tenant", user.TenantId);
        command.Parameters.AddWithValue("$user", user.UserId);
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<PreferenceEvent> ReadEventsCoreAsync(UserKey user, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(
                connection,
                null,
                "SELECT seq, id, kind, role, text, scope, target, at, redacted, data, metadata, expires_at FROM events WHERE tenant = $tenant AND user = $user AND seq > $after ORDER BY seq;",
                user);
            command.Parameters.AddWithValue("$after", afterSequence);
            var reader = await ExecuteReaderAsync(command, "read a user's events", cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await ReadAsync(reader, "read a user's events", cancellationToken).ConfigureAwait(false))
                {
                    yield return ReadEvent(reader);
                }
            }
        }
    }

    private async IAsyncEnumerable<string> ListUsersCoreAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT user FROM users WHERE tenant = $tenant AND version > 0 ORDER BY user COLLATE ORDINAL;";
            command.Parameters.AddWithValue("$tenant", tenantId);
            var reader = await ExecuteReaderAsync(command, "list users", cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await ReadAsync(reader, "list users", cancellationToken).ConfigureAwait(false))
                {
                    yield return reader.GetString(0);
                }
            }
        }
    }

    // Counts come from the primary-key and ordinal indexes; the last activity is the time of the event with the highest sequence.
    private async Task<IReadOnlyList<UserSummary>> SummarizeUsersCoreAsync(string tenantId, string? exactUser, string? afterUserId, int limit, string? contains, CancellationToken cancellationToken)
    {
        var summaries = new List<UserSummary>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT u.user,
                       (SELECT count(*) FROM preferences p WHERE p.tenant = u.tenant AND p.user = u.user AND json_extract(p.payload, '$.supersededBy') IS NULL),
                       (SELECT count(*) FROM preferences p WHERE p.tenant = u.tenant AND p.user = u.user),
                       (SELECT count(*) FROM events e WHERE e.tenant = u.tenant AND e.user = u.user),
                       (SELECT e.at FROM events e WHERE e.tenant = u.tenant AND e.user = u.user ORDER BY e.seq DESC LIMIT 1)
                FROM (SELECT tenant, user FROM users
                      WHERE tenant = $tenant AND version > 0
                        AND ($exact IS NULL OR user = $exact)
                        AND ($after IS NULL OR user > $after COLLATE ORDINAL)
                        AND ($contains IS NULL OR instr(user, $contains) > 0)
                      ORDER BY user COLLATE ORDINAL
                      LIMIT $limit) u
                ORDER BY u.user COLLATE ORDINAL;
                """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$exact", (object?)exactUser ?? DBNull.Value);
            command.Parameters.AddWithValue("$after", (object?)afterUserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$contains", string.IsNullOrEmpty(contains) ? DBNull.Value : contains);
            command.Parameters.AddWithValue("$limit", limit);
            var reader = await ExecuteReaderAsync(command, "summarize users", cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await ReadAsync(reader, "summarize users", cancellationToken).ConfigureAwait(false))
                {
                    summaries.Add(new UserSummary(
                        reader.GetString(0),
                        reader.GetInt32(1),
                        reader.GetInt32(2),
                        reader.GetInt64(3),
                        await reader.IsDBNullAsync(4, cancellationToken).ConfigureAwait(false) ? null : DateTimeOffset.ParseExact(reader.GetString(4), TimestampFormat, CultureInfo.InvariantCulture)));
                }
            }
        }

        return summaries;
    }

    private async Task<StoredModel?> GetModelCoreAsync(string tenant, string user, string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT version, payload FROM models WHERE tenant = $tenant AND user = $user AND name = $name;";
                command.Parameters.AddWithValue("$tenant", tenant);
                command.Parameters.AddWithValue("$user", user);
                command.Parameters.AddWithValue("$name", name);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return new StoredModel(name, reader.GetInt64(0), await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, "read a model", cancellationToken);
            }
        }
    }

    private async Task<long> SaveModelCoreAsync(string tenant, string user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    using var read = connection.CreateCommand();
                    read.Transaction = transaction;
                    read.CommandText = "SELECT version FROM models WHERE tenant = $tenant AND user = $user AND name = $name;";
                    read.Parameters.AddWithValue("$tenant", tenant);
                    read.Parameters.AddWithValue("$user", user);
                    read.Parameters.AddWithValue("$name", name);
                    object? value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    long version = value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (version != expectedVersion)
                    {
                        throw new ConcurrencyException(
                            $"The model is at version {version.ToString(CultureInfo.InvariantCulture)}; the save expected version {expectedVersion.ToString(CultureInfo.InvariantCulture)}.");
                    }

                    using var write = connection.CreateCommand();
                    write.Transaction = transaction;
                    write.CommandText =
                        """
                        INSERT INTO models (tenant, user, name, version, payload) VALUES ($tenant, $user, $name, $version, $payload)
                        ON CONFLICT (tenant, user, name) DO UPDATE SET version = excluded.version, payload = excluded.payload;
                        """;
                    write.Parameters.AddWithValue("$tenant", tenant);
                    write.Parameters.AddWithValue("$user", user);
                    write.Parameters.AddWithValue("$name", name);
                    write.Parameters.AddWithValue("$version", version + 1);
                    write.Parameters.Add("$payload", SqliteType.Blob).Value = payload.ToArray();
                    await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return version + 1;
                }
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, "save a model", cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        }
    }

    private async Task<SqliteDataReader> ExecuteReaderAsync(SqliteCommand command, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Failure(ex, operation, cancellationToken);
        }
    }

    private async Task<bool> ReadAsync(SqliteDataReader reader, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Failure(ex, operation, cancellationToken);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Failure(ex, "be opened", cancellationToken);
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.CreateCollation("ORDINAL", static (x, y) => string.CompareOrdinal(x, y));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings, set once on each SQLite handle the pool opens: they stay with the handle while the pool
            // reuses it, so a pooled connection that had them is not given them again.
            if (connection.Handle is { } handle && _configuredHandles.TryGetValue(handle, out _))
            {
                return connection;
            }

            await ExecuteAsync(connection, null, _connectionPragmas, cancellationToken).ConfigureAwait(false);
            if (connection.Handle is { } opened)
            {
                _configuredHandles.AddOrUpdate(opened, ConfiguredMarker);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task TruncateWriteAheadLogAsync(SqliteConnection connection)
    {
        if (_inMemory)
        {
            return;
        }

        // Old page images in the write-ahead log may still hold erased text; copy the log back and empty it.
        // Best effort: a reader holding an old snapshot makes SQLite skip part of it, and the next deletion retries.
        try
        {
            await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // The change is committed; failing to shrink the log must not turn it into an error.
        }
    }

    private Exception Failure(SqliteException exception, string operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The operation was cancelled.", exception, cancellationToken);
        }

        return new PenchantException($"The SQLite store '{_dataSource}' could not {operation}: {exception.Message}", exception);
    }

    private void CreateDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PenchantException($"The directory of the SQLite store '{_dataSource}' could not be created: {ex.Message}", ex);
        }
    }

    /// <summary>A change waiting for the group committer: queued, then claimed by a committer or abandoned by its caller.</summary>
    private sealed class PendingCommit(UserKey user, UserChange change)
    {
        private int _state; // 0 queued, 1 claimed, 2 abandoned

        public UserKey User { get; } = user;

        public UserChange Change { get; } = change;

        public TaskCompletionSource<IReadOnlyList<PreferenceEvent>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryClaim() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
    }

    /// <summary>
    /// The group-commit connection and its hot statements (read a version, append an event, bump the version), prepared once
    /// and run again for every change: SQLite compiles each statement once per connection instead of once per commit.
    /// </summary>
    private sealed class WriterStatements(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>Gets the connection.</summary>
        public SqliteConnection Connection => connection;

        /// <summary>Gets the command of <paramref name="sql"/> in the transaction, its <c>$tenant</c> and <c>$user</c> set to the user's.</summary>
        /// <param name="transaction">The batch's transaction.</param>
        /// <param name="sql">The statement (a constant).</param>
        /// <param name="user">The user.</param>
        /// <param name="created">Whether the command is new, so its other parameters must be added.</param>
        /// <returns>The command, owned by this cache (not to be disposed).</returns>
        public SqliteCommand Get(SqliteTransaction transaction, string sql, UserKey user, out bool created)
        {
            created = !_commands.TryGetValue(sql, out SqliteCommand? command);
            if (command is null)
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add("$tenant", SqliteType.Text);
                command.Parameters.Add("$user", SqliteType.Text);
                _commands[sql] = command;
            }

            command.Transaction = transaction;
            command.Parameters["$tenant"].Value = user.TenantId;
            command.Parameters["$user"].Value = user.UserId;
            return command;
        }

        public void Dispose()
        {
            foreach (SqliteCommand command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            connection.Dispose();
        }
    }
}
