using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Storage.Codecs;
using Penchant.Webhooks;

namespace Penchant.PostgreSql;

/// <summary>
/// Stores users' event logs, preferences and models in PostgreSQL: the store for many service instances over one
/// database server.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe, and safe across processes. Each operation takes a pooled connection. A commit claims the user's row in
/// <c>users</c> with a conditional update on the version it was computed from (<c>… WHERE version = expected</c>), which
/// takes the row's lock until the transaction ends: writers of one user are ordered whichever instance they run in, a
/// writer computed from a stale version gets <see cref="ConcurrencyException"/>, and writers of different users never wait
/// for each other. A successful <see cref="CommitAsync"/> is durable once it returns (PostgreSQL's default
/// <c>synchronous_commit</c>).
/// </para>
/// <para>
/// Every statement names the user's tenant and identifier, and identifiers are unique per user, never globally: the same
/// event identifier (say, one derived from an idempotency key) in two tenants is two events.
/// </para>
/// <para>
/// Event and preference texts are user content; the store never logs them and never puts them in exception messages
/// (server error details are not requested). Deleted rows are gone from every query at once; PostgreSQL reclaims their
/// space at its next vacuum, and copies outside the database (backups, replicas' WAL archives) are not covered.
/// </para>
/// </remarks>
public sealed class PostgreSqlPreferenceStore : IPreferenceStore, IAsyncDisposable, IDisposable
{
    private const string TimestampFormat = "o";
    private const string EventColumns = "seq, id, kind, role, text, scope, target, at, redacted, data, metadata, expires_at";

    private readonly PostgreSqlDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _selectState;
    private readonly string _selectPosition;
    private readonly string _selectVersion;
    private readonly string _findEvents;
    private readonly string _readEvents;
    private readonly string _claimNewUser;
    private readonly string _claimUser;
    private readonly string _insertEvent;
    private readonly string _deleteAllPreferences;
    private readonly string _upsertPreference;
    private readonly string _deletePreferences;
    private readonly string _redactEvents;
    private readonly string _deleteAllModels;
    private readonly string _upsertUserModel;
    private readonly string _deleteUserRow;
    private readonly string _deleteUserRowReporting;
    private readonly string[] _deleteUserRows;
    private readonly string _deleteAllMetadata;
    private readonly string _deleteMetadata;
    private readonly string _insertMetadata;
    private readonly string _listUsers;
    private readonly string _listExpiring;
    private readonly string _summarizeUsers;
    private readonly LogPositionBatcher? _positions;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPreferenceStore"/> class with a connection pool of its own. Nothing is opened until first use.</summary>
    /// <param name="options">The server, schema, pool and timeouts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is missing or malformed, or the schema name is not a plain lower-case identifier.</exception>
    public PostgreSqlPreferenceStore(PostgreSqlStoreOptions options)
        : this(new PostgreSqlDatabase(options), ownsDatabase: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPreferenceStore"/> class over a database shared with other stores (the caller disposes it).</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlPreferenceStore(PostgreSqlDatabase database)
        : this(database ?? throw new ArgumentNullException(nameof(database)), ownsDatabase: false)
    {
    }

    private PostgreSqlPreferenceStore(PostgreSqlDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _positions = database.Options.BatchLogPositionReads ? new LogPositionBatcher(ReadPositionsAsync, database.Options.MaxLogPositionBatch) : null;
        _selectState = database.Sql(
            """
            SELECT u.version, u.last_event_id, p.id, p.payload, p.embedding
            FROM {s}.users u LEFT JOIN {s}.preferences p ON p.tenant = u.tenant AND p.user_id = u.user_id
            WHERE u.tenant = $1 AND u.user_id = $2
            ORDER BY p.ordinal
            """);
        _selectPosition = database.Sql("SELECT version, last_event_id FROM {s}.users WHERE tenant = $1 AND user_id = $2");
        _selectVersion = database.Sql("SELECT version FROM {s}.users WHERE tenant = $1 AND user_id = $2");
        _findEvents = database.Sql($"SELECT {EventColumns} FROM {{s}}.events WHERE tenant = $1 AND user_id = $2 AND id = ANY($3) ORDER BY seq");
        _readEvents = database.Sql($"SELECT {EventColumns} FROM {{s}}.events WHERE tenant = $1 AND user_id = $2 AND seq > $3 ORDER BY seq");

        // The claim: a new user's row is inserted, or an existing row still at the expected version is moved on; either takes
        // the row's lock to the end of the transaction. No row affected means another writer got there first. The claim
        // also reserves one ordinal per upserted preference from the user's counter (creation order without a max() scan).
        _claimNewUser = database.Sql(
            """
            INSERT INTO {s}.users AS u (tenant, user_id, version, last_event_id, ordinals) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant, user_id) DO UPDATE
            SET version = excluded.version, last_event_id = coalesce(excluded.last_event_id, u.last_event_id), ordinals = u.ordinals + excluded.ordinals
            WHERE u.version = 0
            RETURNING ordinals
            """);
        _claimUser = database.Sql(
            "UPDATE {s}.users SET version = $3, last_event_id = coalesce($4, last_event_id), ordinals = ordinals + $5 WHERE tenant = $1 AND user_id = $2 AND version = $6 RETURNING ordinals");
        _insertEvent = database.Sql(
            """
            INSERT INTO {s}.events (tenant, user_id, seq, id, kind, role, text, scope, target, at, redacted, data, metadata, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """);
        _deleteAllPreferences = database.Sql("DELETE FROM {s}.preferences WHERE tenant = $1 AND user_id = $2");

        // A replaced preference keeps its position (ordinal); a new one goes last, with an ordinal the claim reserved.
        _upsertPreference = database.Sql(
            """
            INSERT INTO {s}.preferences (tenant, user_id, id, ordinal, payload, embedding, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (tenant, user_id, id) DO UPDATE SET payload = excluded.payload, embedding = excluded.embedding, expires_at = excluded.expires_at
            """);
        _deletePreferences = database.Sql("DELETE FROM {s}.preferences WHERE tenant = $1 AND user_id = $2 AND id = ANY($3)");
        _redactEvents = database.Sql(
            "UPDATE {s}.events SET text = NULL, scope = NULL, data = NULL, metadata = NULL, redacted = true WHERE tenant = $1 AND user_id = $2 AND id = ANY($3)");
        _deleteAllModels = database.Sql("DELETE FROM {s}.user_models WHERE tenant = $1 AND user_id = $2");
        _upsertUserModel = database.Sql(
            """
            INSERT INTO {s}.user_models AS m (tenant, user_id, name, version, payload) VALUES ($1, $2, $3, 1, $4)
            ON CONFLICT (tenant, user_id, name) DO UPDATE SET version = m.version + 1, payload = excluded.payload
            """);

        // The metadata index: a preference's rows are deleted with it and written again when it is upserted.
        _deleteAllMetadata = database.Sql("DELETE FROM {s}.preference_metadata WHERE tenant = $1 AND user_id = $2");
        _deleteMetadata = database.Sql("DELETE FROM {s}.preference_metadata WHERE tenant = $1 AND user_id = $2 AND preference_id = ANY($3)");
        _insertMetadata = database.Sql(
            """
            INSERT INTO {s}.preference_metadata (tenant, user_id, key, value, preference_id)
            SELECT $1, $2, key, value, id FROM unnest($3::text[], $4::text[], $5::text[]) AS m(key, value, id)
            """);

        // Deleting a user is one batch (one round trip, one implicit transaction: all or nothing). The user's row goes first: it
        // waits for a commit in flight, and each later statement takes its snapshot after that commit, so it deletes what the
        // commit wrote; a commit that comes later finds no row to move on. The first statement also adds the deliveries that
        // report the deletion, when the user existed, and answers how many user rows it deleted.
        _deleteUserRow = database.Sql("WITH u AS (DELETE FROM {s}.users WHERE tenant = $1 AND user_id = $2 RETURNING 1) SELECT count(*) FROM u");
        _deleteUserRowReporting = database.Sql(
            $$"""
            WITH u AS (DELETE FROM {s}.users WHERE tenant = $1 AND user_id = $2 RETURNING 1),
            d AS (
                INSERT INTO {s}.webhook_deliveries ({{PostgreSqlWebhookStore.DeliveryColumns}})
                {{PostgreSqlWebhookStore.DeliveryRowsAfterUser}}
                WHERE EXISTS (SELECT 1 FROM u)
                   OR EXISTS (SELECT 1 FROM {s}.events e WHERE e.tenant = $1 AND e.user_id = $2)
                   OR EXISTS (SELECT 1 FROM {s}.preferences p WHERE p.tenant = $1 AND p.user_id = $2)
                   OR EXISTS (SELECT 1 FROM {s}.user_models m WHERE m.tenant = $1 AND m.user_id = $2)
                ON CONFLICT (id) DO NOTHING)
            SELECT count(*) FROM u
            """);
        _deleteUserRows =
        [
            database.Sql("DELETE FROM {s}.events WHERE tenant = $1 AND user_id = $2"),
            database.Sql("DELETE FROM {s}.preferences WHERE tenant = $1 AND user_id = $2"),
            database.Sql("DELETE FROM {s}.user_models WHERE tenant = $1 AND user_id = $2"),
            _deleteAllMetadata,
        ];
        _listUsers = database.Sql("SELECT user_id FROM {s}.users WHERE tenant = $1 AND version > 0");
        _listExpiring = database.Sql("SELECT DISTINCT tenant, user_id FROM {s}.preferences WHERE expires_at IS NOT NULL AND expires_at <= $1");

        // One page of users first, then their counts from the primary-key indexes and the time of their last event.
        _summarizeUsers = database.Sql(
            """
            SELECT u.user_id,
                   (SELECT count(*) FROM {s}.preferences p WHERE p.tenant = u.tenant AND p.user_id = u.user_id AND (p.payload::jsonb ->> 'supersededBy') IS NULL),
                   (SELECT count(*) FROM {s}.preferences p WHERE p.tenant = u.tenant AND p.user_id = u.user_id),
                   (SELECT count(*) FROM {s}.events e WHERE e.tenant = u.tenant AND e.user_id = u.user_id),
                   (SELECT e.at FROM {s}.events e WHERE e.tenant = u.tenant AND e.user_id = u.user_id ORDER BY e.seq DESC LIMIT 1)
            FROM (SELECT tenant, user_id FROM {s}.users
                  WHERE tenant = $1 AND version > 0
                    AND ($2::text IS NULL OR user_id = $2)
                    AND ($3::text IS NULL OR user_id > $3)
                    AND ($4::text IS NULL OR strpos(user_id, $4) > 0)
                  ORDER BY user_id
                  LIMIT $5) u
            ORDER BY u.user_id
            """);
    }

    /// <summary>Gets the database this store uses.</summary>
    public PostgreSqlDatabase Database => _database;

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The schema was written by a newer version, or a migration failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<UserState> GetStateAsync(UserKey user, CancellationToken cancellationToken = default) => GetStateAsync(user, MetadataFilter.None, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>One statement; each condition is one range of the metadata index's primary key (tenant, user, key, value, preference).</remarks>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<UserState> GetStateAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(filter);
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                // One statement, so the version and the preferences come from one snapshot.
                using NpgsqlCommand command = SelectState(connection, user, filter);
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return UserState.Empty;
                    }

                    LogPosition position = ReadPosition(reader);
                    var preferences = new List<Preference>();
                    do
                    {
                        if (ReadPreference(reader) is { } preference)
                        {
                            preferences.Add(preference);
                        }
                    }
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

                    return new UserState(position.Version, preferences) { LastEventId = position.LastEventId };
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read a user's state", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <remarks>
    /// With <see cref="PostgreSqlStoreOptions.BatchLogPositionReads"/> (the default), reads asked for at the same time are
    /// sent together in one round trip, one statement per user; each answer still comes from a snapshot taken after it was
    /// asked for.
    /// </remarks>
    public Task<LogPosition> GetLogPositionAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return _positions is null ? ReadPositionAsync(user, cancellationToken) : _positions.ReadAsync(user, cancellationToken);
    }

    /// <summary>Gets the number of batches of log-position reads sent so far (a test counts round trips with it).</summary>
    internal long LogPositionBatches => _positions?.Batches ?? 0;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="eventIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
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

        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = Command(connection, null, _findEvents, user);
                command.Parameters.Add(TextArray([.. eventIds]));
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(ReadEvent(reader));
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "find a user's events", cancellationToken);
            }
        }

        return found;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="user"/> is not a valid key, or the change is malformed, appends an event whose identifier the user's log
    /// already holds, or holds a text PostgreSQL cannot store; nothing is changed.
    /// </exception>
    /// <exception cref="StoreUnavailableException">
    /// The server cannot be reached. The change may or may not have been committed (when the connection dropped during the
    /// commit): retry it with the same event identifiers, which the log rejects if they landed.
    /// </exception>
    /// <exception cref="PenchantException">The server failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<IReadOnlyList<PreferenceEvent>> CommitAsync(UserKey user, UserChange change, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        if (change.IsEmpty)
        {
            long current = await ReadVersionAsync(user, cancellationToken).ConfigureAwait(false);
            return current == change.ExpectedVersion ? [] : throw Stale(current, change.ExpectedVersion);
        }

        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    long version = change.ExpectedVersion;
                    string? lastEventId = change.Append.Count > 0 ? change.Append[^1].Id : null;
                    long ordinals;
                    using (NpgsqlCommand claim = Command(connection, transaction, version == 0 ? _claimNewUser : _claimUser, user))
                    {
                        claim.Parameters.Add(Int64(version + change.Append.Count));
                        claim.Parameters.Add(Text(lastEventId));
                        claim.Parameters.Add(Int64(change.Upsert.Count));
                        if (version != 0)
                        {
                            claim.Parameters.Add(Int64(version));
                        }

                        if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long reserved)
                        {
                            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                            throw Stale(await ReadVersionAsync(connection, user, cancellationToken).ConfigureAwait(false), version);
                        }

                        ordinals = reserved;
                    }

                    using NpgsqlBatch batch = new(connection, transaction);
                    IReadOnlyList<PreferenceEvent> appended = AddWrites(batch, user, change, ordinals - change.Upsert.Count);
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                    // Past this point the change is sent whole; the commit itself is not cancelled half-way.
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return appended;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "events_id_unique")
            {
                string? id = ex.BatchCommand is { } failed && failed.Parameters.Count > 3 ? failed.Parameters[3].Value as string : null;
                throw new ArgumentException(
                    id is null
                        ? "The user's event log already holds an event with an identifier the change appends; nothing was changed."
                        : $"The user's event log already holds an event with identifier '{id}'; nothing was changed.",
                    nameof(change),
                    ex);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "commit a change", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is negative.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public IAsyncEnumerable<PreferenceEvent> ReadEventsAsync(UserKey user, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return ReadEventsCoreAsync(user, afterSequence, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached; the user may or may not have been deleted.</exception>
    /// <exception cref="PenchantException">The server failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<bool> DeleteUserAsync(UserKey user, CancellationToken cancellationToken = default) => DeleteUserAsync(user, [], cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="deliveries"/> is <see langword="null"/>.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached; the user may or may not have been deleted.</exception>
    /// <exception cref="PenchantException">The server failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<bool> DeleteUserAsync(UserKey user, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(deliveries);
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                // One batch, one round trip, no explicit transaction: PostgreSQL runs it as one implicit transaction.
                using NpgsqlBatch batch = new(connection);
                NpgsqlBatchCommand first = BatchCommand(deliveries.Count > 0 ? _deleteUserRowReporting : _deleteUserRow, user);
                if (deliveries.Count > 0)
                {
                    PostgreSqlWebhookStore.AddDeliveries(first.Parameters, deliveries);
                }

                batch.BatchCommands.Add(first);
                foreach (string sql in _deleteUserRows)
                {
                    batch.BatchCommands.Add(BatchCommand(sql, user));
                }

                ulong rows = 0;
                NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    // The batch is sent whole; its answers are read to the end whatever the token says now.
                    if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        rows += (ulong)reader.GetInt64(0);
                    }

                    while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                    }
                }

                for (int i = 1; i < batch.BatchCommands.Count; i++)
                {
                    rows += batch.BatchCommands[i].Rows;
                }

                return rows > 0;
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "delete a user", cancellationToken);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Identifiers are ordered by UTF-16 code unit (<see cref="StringComparer.Ordinal"/>), as .NET sorts them, which no
    /// PostgreSQL collation does; the tenant's identifiers are read and sorted in memory. Not a request-path query.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or whitespace.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public IAsyncEnumerable<string> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return ListUsersCoreAsync(tenantId, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Answered from the partial index on <c>preferences.expires_at</c>; a maintenance query, not a request-path one.</remarks>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    public async IAsyncEnumerable<UserKey> ListUsersWithExpiredPreferencesAsync(DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var users = new List<UserKey>();
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_listExpiring, connection);
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = asOf.UtcDateTime });
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        users.Add(new UserKey(reader.GetString(0), reader.GetString(1)));
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "list users with expired preferences", cancellationToken);
            }
        }

        foreach (UserKey user in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return user;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Pages follow the byte order of the identifiers' UTF-8 (collation <c>"C"</c>), which is stable between pages.</remarks>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<IReadOnlyList<UserSummary>> ListUserSummariesAsync(string tenantId, string? afterUserId, int limit, string? contains = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return SummarizeUsersCoreAsync(tenantId, null, afterUserId, limit, contains, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<UserSummary?> GetUserSummaryAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        IReadOnlyList<UserSummary> one = await SummarizeUsersCoreAsync(user.TenantId, user.UserId, null, 1, null, cancellationToken).ConfigureAwait(false);
        return one.Count > 0 ? one[0] : null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<StoredModel?> GetModelAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync(ModelTable.Tenant, tenantId, null, name, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<long> SaveModelAsync(string tenantId, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync(ModelTable.Tenant, tenantId, null, name, payload, expectedVersion, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<StoredModel?> GetUserModelAsync(UserKey user, string name, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync(ModelTable.User, user.TenantId, user.UserId, name, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    /// <exception cref="PenchantException">The server failed; nothing is changed.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public Task<long> SaveUserModelAsync(UserKey user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync(ModelTable.User, user.TenantId, user.UserId, name, payload, expectedVersion, cancellationToken);
    }

    /// <summary>Releases the connection pool if the store created it.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _ownsDatabase ? _database.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Releases the connection pool if the store created it.</summary>
    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    // The user's row with every preference, or with those whose metadata has, for each condition's key, one of its values (the
    // conditions are part of the join, so a user without a passing preference still answers with their version).
    private NpgsqlCommand SelectState(NpgsqlConnection connection, UserKey user, MetadataFilter filter)
    {
        if (filter.IsEmpty)
        {
            return Command(connection, null, _selectState, user);
        }

        var sql = new System.Text.StringBuilder("SELECT u.version, u.last_event_id, p.id, p.payload, p.embedding FROM ");
        sql.Append(_database.Schema).Append(".users u LEFT JOIN ").Append(_database.Schema).Append(".preferences p ON p.tenant = u.tenant AND p.user_id = u.user_id");
        NpgsqlCommand command = Command(connection, null, string.Empty, user);
        foreach ((string key, string[] values) in filter.Conditions)
        {
            int n = command.Parameters.Count;
            sql.Append(CultureInfo.InvariantCulture, $" AND p.id IN (SELECT m.preference_id FROM {_database.Schema}.preference_metadata m WHERE m.tenant = $1 AND m.user_id = $2 AND m.key = ${n + 1} AND m.value = ANY(${n + 2}))");
            command.Parameters.Add(Text(key));
            command.Parameters.Add(TextArray(values));
        }

        command.CommandText = sql.Append(" WHERE u.tenant = $1 AND u.user_id = $2 ORDER BY p.ordinal").ToString();
        return command;
    }

    private static ConcurrencyException Stale(long version, long expected) => new(
        $"The user's event log is at version {version.ToString(CultureInfo.InvariantCulture)}; the change was computed from version {expected.ToString(CultureInfo.InvariantCulture)}.");

    private IReadOnlyList<PreferenceEvent> AddWrites(NpgsqlBatch batch, UserKey user, UserChange change, long firstOrdinal)
    {
        long version = change.ExpectedVersion;
        var redactNow = change.Redact.Count == 0 ? null : new HashSet<string>(change.Redact, StringComparer.Ordinal);
        var appended = new PreferenceEvent[change.Append.Count];
        for (int i = 0; i < appended.Length; i++)
        {
            PreferenceEvent item = change.Append[i] with { Sequence = version + i + 1 };
            NpgsqlBatchCommand insert = BatchCommand(_insertEvent, user);
            insert.Parameters.Add(Int64(item.Sequence));
            insert.Parameters.Add(Text(item.Id));
            insert.Parameters.Add(Text(item.Kind.Name));
            insert.Parameters.Add(Text(item.Role));
            insert.Parameters.Add(Text(item.Text));
            insert.Parameters.Add(Text(item.Scope));
            insert.Parameters.Add(Text(item.Target));
            insert.Parameters.Add(Text(item.At.ToString(TimestampFormat, CultureInfo.InvariantCulture)));
            insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = item.Redacted });
            insert.Parameters.Add(Text(item.Data));
            insert.Parameters.Add(Text(MetadataCodec.ToJson(item.Metadata)));
            insert.Parameters.Add(Text(item.ExpiresAt?.ToString(TimestampFormat, CultureInfo.InvariantCulture)));
            batch.BatchCommands.Add(insert);

            // The caller sees the events as they are stored once the change is committed.
            appended[i] = redactNow is not null && redactNow.Contains(item.Id) ? item.Redact() : item;
        }

        if (change.ReplaceAllPreferences)
        {
            batch.BatchCommands.Add(BatchCommand(_deleteAllMetadata, user));
            batch.BatchCommands.Add(BatchCommand(_deleteAllPreferences, user));
        }

        long ordinal = firstOrdinal;
        foreach (Preference preference in change.Upsert)
        {
            NpgsqlBatchCommand upsert = BatchCommand(_upsertPreference, user);
            upsert.Parameters.Add(Text(preference.Id));
            upsert.Parameters.Add(Int64(++ordinal));
            upsert.Parameters.Add(Text(PreferenceCodec.ToJson(preference)));
            upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)EmbeddingBlob.ToBytes(preference.Embedding) ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = preference.ExpiresAt is { } expiresAt ? expiresAt.UtcDateTime : DBNull.Value });
            batch.BatchCommands.Add(upsert);
        }

        AddMetadataWrites(batch, user, change);
        if (change.Delete.Count > 0)
        {
            NpgsqlBatchCommand deleteMetadata = BatchCommand(_deleteMetadata, user);
            deleteMetadata.Parameters.Add(TextArray([.. change.Delete]));
            batch.BatchCommands.Add(deleteMetadata);
            NpgsqlBatchCommand delete = BatchCommand(_deletePreferences, user);
            delete.Parameters.Add(TextArray([.. change.Delete]));
            batch.BatchCommands.Add(delete);
        }

        if (change.Redact.Count > 0)
        {
            NpgsqlBatchCommand redact = BatchCommand(_redactEvents, user);
            redact.Parameters.Add(TextArray([.. change.Redact]));
            batch.BatchCommands.Add(redact);
        }

        if (change.ReplaceAllModels)
        {
            batch.BatchCommands.Add(BatchCommand(_deleteAllModels, user));
        }

        foreach ((string name, ReadOnlyMemory<byte> payload) in change.UpsertModels)
        {
            NpgsqlBatchCommand model = BatchCommand(_upsertUserModel, user);
            model.Parameters.Add(Text(name));
            model.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload.ToArray() });
            batch.BatchCommands.Add(model);
        }

        if (change.Deliveries.Count > 0)
        {
            batch.BatchCommands.Add(PostgreSqlWebhookStore.InsertCommand(_database, change.Deliveries));
        }

        return appended;
    }

    // The upserted preferences' rows in the metadata index are replaced by their current metadata.
    private void AddMetadataWrites(NpgsqlBatch batch, UserKey user, UserChange change)
    {
        if (change.Upsert.Count == 0)
        {
            return;
        }

        // A preference upserted twice in one change is stored as its last upsert left it.
        var last = new Dictionary<string, Preference>(StringComparer.Ordinal);
        foreach (Preference preference in change.Upsert)
        {
            last[preference.Id] = preference;
        }

        if (!change.ReplaceAllPreferences)
        {
            NpgsqlBatchCommand clear = BatchCommand(_deleteMetadata, user);
            clear.Parameters.Add(TextArray([.. last.Keys]));
            batch.BatchCommands.Add(clear);
        }

        var keys = new List<string>();
        var values = new List<string>();
        var ids = new List<string>();
        foreach (Preference preference in last.Values)
        {
            foreach ((string key, string value) in preference.Metadata)
            {
                keys.Add(key);
                values.Add(value);
                ids.Add(preference.Id);
            }
        }

        if (keys.Count > 0)
        {
            NpgsqlBatchCommand insert = BatchCommand(_insertMetadata, user);
            insert.Parameters.Add(TextArray([.. keys]));
            insert.Parameters.Add(TextArray([.. values]));
            insert.Parameters.Add(TextArray([.. ids]));
            batch.BatchCommands.Add(insert);
        }
    }

    private async Task<LogPosition> ReadPositionAsync(UserKey user, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = Command(connection, null, _selectPosition, user);
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && ReadPosition(reader) is { Version: > 0 } position
                        ? position
                        : default;
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read a user's log position", cancellationToken);
            }
        }
    }

    // One round trip for many users: a batch of single-user statements (each routed by user on a distributed database),
    // outside any explicit transaction, so each takes its snapshot when it runs, after every caller of the batch asked.
    private async Task<LogPosition[]> ReadPositionsAsync(IReadOnlyList<UserKey> users, CancellationToken cancellationToken)
    {
        if (users.Count == 1)
        {
            return [await ReadPositionAsync(users[0], cancellationToken).ConfigureAwait(false)];
        }

        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlBatch batch = new(connection);
                foreach (UserKey user in users)
                {
                    batch.BatchCommands.Add(BatchCommand(_selectPosition, user));
                }

                var positions = new LogPosition[users.Count];
                NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    int i = 0;
                    do
                    {
                        positions[i++] = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && ReadPosition(reader) is { Version: > 0 } position
                            ? position
                            : default;
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }

                return positions;
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read users' log positions", cancellationToken);
            }
        }
    }

    private async Task<long> ReadVersionAsync(UserKey user, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await ReadVersionAsync(connection, user, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read a user's version", cancellationToken);
            }
        }
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, UserKey user, CancellationToken cancellationToken)
    {
        using NpgsqlCommand command = Command(connection, null, _selectVersion, user);
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long version ? version : 0;
    }

    private async IAsyncEnumerable<PreferenceEvent> ReadEventsCoreAsync(UserKey user, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using NpgsqlCommand command = Command(connection, null, _readEvents, user);
            command.Parameters.Add(Int64(afterSequence));
            NpgsqlDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read a user's events", cancellationToken);
            }

            await using (reader.ConfigureAwait(false))
            {
                while (true)
                {
                    // A row already buffered is returned without asking the server, so the token is checked here too.
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (NpgsqlException ex)
                    {
                        throw _database.Failure(ex, "read a user's events", cancellationToken);
                    }

                    yield return ReadEvent(reader);
                }
            }
        }
    }

    private async IAsyncEnumerable<string> ListUsersCoreAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var users = new List<string>();
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_listUsers, connection);
                command.Parameters.Add(Text(tenantId));
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        users.Add(reader.GetString(0));
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "list users", cancellationToken);
            }
        }

        users.Sort(StringComparer.Ordinal);
        foreach (string user in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return user;
        }
    }

    private async Task<IReadOnlyList<UserSummary>> SummarizeUsersCoreAsync(string tenantId, string? exactUser, string? afterUserId, int limit, string? contains, CancellationToken cancellationToken)
    {
        var summaries = new List<UserSummary>();
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_summarizeUsers, connection);
                command.Parameters.Add(Text(tenantId));
                command.Parameters.Add(Text(exactUser));
                command.Parameters.Add(Text(afterUserId));
                command.Parameters.Add(Text(string.IsNullOrEmpty(contains) ? null : contains));
                command.Parameters.Add(Int64(limit));
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        summaries.Add(new UserSummary(
                            reader.GetString(0),
                            (int)reader.GetInt64(1),
                            (int)reader.GetInt64(2),
                            reader.GetInt64(3),
                            await reader.IsDBNullAsync(4, cancellationToken).ConfigureAwait(false) ? null : DateTimeOffset.ParseExact(reader.GetString(4), TimestampFormat, CultureInfo.InvariantCulture)));
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "summarize users", cancellationToken);
            }
        }

        return summaries;
    }

    private async Task<StoredModel?> GetModelCoreAsync(ModelTable table, string tenant, string? user, string name, CancellationToken cancellationToken)
    {
        string sql = table == ModelTable.Tenant
            ? _database.Sql("SELECT version, payload FROM {s}.tenant_models WHERE tenant = $1 AND name = $2")
            : _database.Sql("SELECT version, payload FROM {s}.user_models WHERE tenant = $1 AND user_id = $3 AND name = $2");
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = ModelCommand(connection, null, sql, tenant, user, name);
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadModel(reader, name) : null;
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "read a model", cancellationToken);
            }
        }
    }

    private async Task<long> SaveModelCoreAsync(
        ModelTable table, string tenant, string? user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken)
    {
        // Optimistic: the first save inserts unless a row exists; a later one moves the row on only from the expected version.
        string sql = (table, expectedVersion) switch
        {
            (ModelTable.Tenant, 0) => "INSERT INTO {s}.tenant_models (tenant, name, version, payload) VALUES ($1, $2, 1, $4) ON CONFLICT DO NOTHING",
            (ModelTable.Tenant, _) => "UPDATE {s}.tenant_models SET version = version + 1, payload = $4 WHERE tenant = $1 AND name = $2 AND version = $5",
            (_, 0) => "INSERT INTO {s}.user_models (tenant, user_id, name, version, payload) VALUES ($1, $3, $2, 1, $4) ON CONFLICT DO NOTHING",
            _ => "UPDATE {s}.user_models SET version = version + 1, payload = $4 WHERE tenant = $1 AND user_id = $3 AND name = $2 AND version = $5",
        };
        string read = table == ModelTable.Tenant
            ? "SELECT version FROM {s}.tenant_models WHERE tenant = $1 AND name = $2"
            : "SELECT version FROM {s}.user_models WHERE tenant = $1 AND user_id = $3 AND name = $2";

        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand write = ModelCommand(connection, null, _database.Sql(sql), tenant, user, name);
                write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload.ToArray() });
                if (expectedVersion != 0)
                {
                    write.Parameters.Add(Int64(expectedVersion));
                }

                if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return expectedVersion + 1;
                }

                using NpgsqlCommand current = ModelCommand(connection, null, _database.Sql(read), tenant, user, name);
                object? value = await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                long version = value is long stored ? stored : 0;
                throw new ConcurrencyException(
                    $"The model is at version {version.ToString(CultureInfo.InvariantCulture)}; the save expected version {expectedVersion.ToString(CultureInfo.InvariantCulture)}.");
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, "save a model", cancellationToken);
            }
        }
    }

    private static NpgsqlCommand ModelCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string tenant, string? user, string name)
    {
        // $1 tenant, $2 name, $3 user (only in the user table's statements), then the statement's own parameters.
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(Text(tenant));
        command.Parameters.Add(Text(name));
        command.Parameters.Add(Text(user ?? string.Empty));
        return command;
    }

    private static LogPosition ReadPosition(NpgsqlDataReader reader) => new(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));

    // Columns 2..4 of the state query: a user without preferences has one row with nulls there.
    private static Preference? ReadPreference(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(2))
        {
            return null;
        }

        ReadOnlyMemory<float> embedding = reader.IsDBNull(4) ? ReadOnlyMemory<float>.Empty : EmbeddingBlob.FromBytes(reader.GetFieldValue<byte[]>(4));
        return PreferenceCodec.FromJson(reader.GetString(2), reader.GetString(3), embedding);
    }

    private static StoredModel ReadModel(NpgsqlDataReader reader, string name) => new(name, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));

    private static PreferenceEvent ReadEvent(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Id = reader.GetString(1),
        Kind = EventKind.FromName(reader.GetString(2)),
        Role = reader.IsDBNull(3) ? null : reader.GetString(3),
        Text = reader.IsDBNull(4) ? null : reader.GetString(4),
        Scope = reader.IsDBNull(5) ? null : reader.GetString(5),
        Target = reader.IsDBNull(6) ? null : reader.GetString(6),
        At = DateTimeOffset.ParseExact(reader.GetString(7), TimestampFormat, CultureInfo.InvariantCulture),
        Redacted = reader.GetBoolean(8),
        Data = reader.IsDBNull(9) ? null : reader.GetString(9),
        Metadata = MetadataCodec.FromJson(reader.IsDBNull(10) ? null : reader.GetString(10)),
        ExpiresAt = reader.IsDBNull(11) ? null : DateTimeOffset.ParseExact(reader.GetString(11), TimestampFormat, CultureInfo.InvariantCulture),
    };

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, UserKey user)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(Text(user.TenantId));
        command.Parameters.Add(Text(user.UserId));
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, UserKey user)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(Text(user.TenantId));
        command.Parameters.Add(Text(user.UserId));
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter TextArray(string[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values };

    private static NpgsqlParameter<long> Int64(long value) => new() { TypedValue = value };

    private enum ModelTable
    {
        Tenant,
        User,
    }
}
