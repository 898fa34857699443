using Npgsql;
using NpgsqlTypes;
using Penchant.Webhooks;

namespace Penchant.PostgreSql;

/// <summary>
/// Webhooks and their outbox in three tables of the store's schema (<c>webhooks</c>, <c>webhook_deliveries</c>,
/// <c>webhook_attempts</c>) that this class creates itself, outside the preference store's schema versions.
/// </summary>
/// <remarks>
/// Thread-safe, and safe for many instances over one database: a claim takes due rows with <c>FOR UPDATE SKIP LOCKED</c>,
/// so two instances never claim the same delivery at once.
/// </remarks>
public sealed class PostgreSqlWebhookStore : IWebhookStore
{
    /// <summary>
    /// The tables' DDL (with <c>{s}</c> for the schema), idempotent: created if missing by
    /// <see cref="PostgreSqlDatabase.InitializeAsync"/> in the transaction that brings the schema to the current version.
    /// </summary>
    internal const string Schema = """
        SELECT pg_advisory_xact_lock(hashtext('{s}.webhooks'));
        CREATE TABLE IF NOT EXISTS {s}.webhooks (
            tenant     text        COLLATE "C" NOT NULL,
            id         text        COLLATE "C" NOT NULL,
            url        text        NOT NULL,
            events     text[]      NOT NULL,
            secret     text        NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (tenant, id)
        );
        CREATE TABLE IF NOT EXISTS {s}.webhook_deliveries (
            id         text        COLLATE "C" NOT NULL PRIMARY KEY,
            tenant     text        COLLATE "C" NOT NULL,
            webhook_id text        COLLATE "C" NOT NULL,
            event_type text        NOT NULL,
            payload    text        NOT NULL,
            status     integer     NOT NULL,
            attempts   integer     NOT NULL,
            next_at    timestamptz NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON {s}.webhook_deliveries (next_at) WHERE status = 0;
        CREATE INDEX IF NOT EXISTS webhook_deliveries_hook ON {s}.webhook_deliveries (tenant, webhook_id, created_at);
        CREATE TABLE IF NOT EXISTS {s}.webhook_attempts (
            delivery_id text        COLLATE "C" NOT NULL,
            number      integer     NOT NULL,
            at          timestamptz NOT NULL,
            status_code integer,
            error       text,
            duration_ms double precision NOT NULL,
            PRIMARY KEY (delivery_id, number)
        );
        """;

    /// <summary>The columns of <c>webhook_deliveries</c>, in the order the insert statements write them.</summary>
    internal const string DeliveryColumns = "id, tenant, webhook_id, event_type, payload, status, attempts, next_at, created_at";

    /// <summary>
    /// The rows of new deliveries from six parallel array parameters, numbered from <c>$3</c> (a statement's <c>$1</c> and
    /// <c>$2</c> name the user), due at once: the <c>SELECT … FROM</c> part of an insert, for a statement that adds deliveries
    /// under a condition of its own.
    /// </summary>
    internal const string DeliveryRowsAfterUser = """
        SELECT id, tenant, hook, type, payload, 0, 0, at, at
        FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) AS x(id, tenant, hook, type, payload, at)
        """;

    // Deliveries from six parallel arrays ($1 … $6: id, tenant, webhook, type, payload, created at), due at once.
    private const string InsertSql = $"""
        INSERT INTO {"{s}"}.webhook_deliveries ({DeliveryColumns})
        SELECT id, tenant, hook, type, payload, 0, 0, at, at FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS u(id, tenant, hook, type, payload, at)
        ON CONFLICT (id) DO NOTHING
        """;

    private readonly PostgreSqlDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlWebhookStore"/> class over the store's database.</summary>
    /// <param name="database">The database (its schema holds the tables).</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlWebhookStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    /// <exception cref="Penchant.Storage.StoreUnavailableException">The server cannot be reached.</exception>
    /// <remarks>The database creates the tables once, when it brings its schema to the current version.</remarks>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <summary>A batch command that adds deliveries to the outbox in the caller's transaction (a delivery already there is left as it is).</summary>
    /// <param name="database">The database (for the schema name).</param>
    /// <param name="deliveries">The deliveries.</param>
    /// <returns>The command.</returns>
    internal static NpgsqlBatchCommand InsertCommand(PostgreSqlDatabase database, IReadOnlyList<WebhookDelivery> deliveries)
    {
        var command = new NpgsqlBatchCommand(database.Sql(InsertSql));
        AddDeliveries(command.Parameters, deliveries);
        return command;
    }

    /// <summary>Adds the six array parameters of deliveries (identifiers, tenants, webhooks, types, payloads, creation times).</summary>
    internal static void AddDeliveries(NpgsqlParameterCollection parameters, IReadOnlyList<WebhookDelivery> deliveries)
    {
        parameters.AddWithValue(deliveries.Select(static d => d.Id).ToArray());
        parameters.AddWithValue(deliveries.Select(static d => d.TenantId).ToArray());
        parameters.AddWithValue(deliveries.Select(static d => d.WebhookId).ToArray());
        parameters.AddWithValue(deliveries.Select(static d => d.EventType).ToArray());
        parameters.AddWithValue(deliveries.Select(static d => d.Payload).ToArray());
        parameters.AddWithValue(deliveries.Select(static d => d.CreatedAt.ToUniversalTime()).ToArray());
    }

    /// <inheritdoc/>
    public Task CreateAsync(Webhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return ExecuteAsync(
            "INSERT INTO {s}.webhooks (tenant, id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            command =>
            {
                command.Parameters.AddWithValue(webhook.TenantId);
                command.Parameters.AddWithValue(webhook.Id);
                command.Parameters.AddWithValue(webhook.Url);
                command.Parameters.AddWithValue(webhook.Events.ToArray());
                command.Parameters.AddWithValue(webhook.Secret);
                command.Parameters.AddWithValue(webhook.CreatedAt.ToUniversalTime());
            },
            "save a webhook",
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Webhook>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return QueryAsync(
            "SELECT tenant, id, url, events, secret, created_at FROM {s}.webhooks WHERE tenant = $1 ORDER BY created_at, id",
            command => command.Parameters.AddWithValue(tenantId),
            ReadWebhook,
            "list webhooks",
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Webhook?> GetAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        IReadOnlyList<Webhook> found = await QueryAsync(
            "SELECT tenant, id, url, events, secret, created_at FROM {s}.webhooks WHERE tenant = $1 AND id = $2",
            command =>
            {
                command.Parameters.AddWithValue(tenantId);
                command.Parameters.AddWithValue(webhookId);
            },
            ReadWebhook,
            "read a webhook",
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        IReadOnlyList<long> deleted = await QueryAsync(
            """
            WITH d AS (DELETE FROM {s}.webhook_deliveries WHERE tenant = $1 AND webhook_id = $2 RETURNING id),
                 a AS (DELETE FROM {s}.webhook_attempts WHERE delivery_id IN (SELECT id FROM d)),
                 h AS (DELETE FROM {s}.webhooks WHERE tenant = $1 AND id = $2 RETURNING id)
            SELECT count(*) FROM h
            """,
            command =>
            {
                command.Parameters.AddWithValue(tenantId);
                command.Parameters.AddWithValue(webhookId);
            },
            static reader => reader.GetInt64(0),
            "delete a webhook",
            cancellationToken).ConfigureAwait(false);
        return deleted[0] > 0;
    }

    /// <inheritdoc/>
    public async Task<int> EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<long> added = await QueryAsync(
            $"WITH i AS ({InsertSql} RETURNING 1) SELECT count(*) FROM i",
            command => AddDeliveries(command.Parameters, deliveries),
            static reader => reader.GetInt64(0),
            "enqueue webhook deliveries",
            cancellationToken).ConfigureAwait(false);
        return (int)added[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        IReadOnlyList<WebhookDelivery> claimed = await QueryAsync(
            $"""
            UPDATE {"{s}"}.webhook_deliveries SET next_at = $2
            WHERE id IN (SELECT id FROM {"{s}"}.webhook_deliveries WHERE status = 0 AND next_at <= $1 ORDER BY next_at, created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING {DeliveryColumns}
            """,
            command =>
            {
                command.Parameters.AddWithValue(now.ToUniversalTime());
                command.Parameters.AddWithValue(leaseUntil.ToUniversalTime());
                command.Parameters.AddWithValue(max);
            },
            ReadDelivery,
            "claim webhook deliveries",
            cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: oldest first, as the contract says.
        return [.. claimed.OrderBy(static d => d.CreatedAt).ThenBy(static d => d.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public Task RecordAttemptAsync(WebhookDelivery delivery, WebhookAttempt attempt, WebhookDeliveryStatus status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        return ExecuteAsync(
            """
            WITH a AS (
                INSERT INTO {s}.webhook_attempts (delivery_id, number, at, status_code, error, duration_ms)
                SELECT id, $3, $4, $5, $6, $7 FROM {s}.webhook_deliveries WHERE id = $1 AND tenant = $2
                ON CONFLICT (delivery_id, number) DO UPDATE SET at = EXCLUDED.at, status_code = EXCLUDED.status_code, error = EXCLUDED.error, duration_ms = EXCLUDED.duration_ms)
            UPDATE {s}.webhook_deliveries SET status = $8, attempts = greatest(attempts, $3), next_at = $9 WHERE id = $1 AND tenant = $2
            """,
            command =>
            {
                command.Parameters.AddWithValue(delivery.Id);
                command.Parameters.AddWithValue(delivery.TenantId);
                command.Parameters.AddWithValue(attempt.Number);
                command.Parameters.AddWithValue(attempt.At.ToUniversalTime());
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = attempt.StatusCode is { } code ? code : DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)attempt.Error ?? DBNull.Value });
                command.Parameters.AddWithValue(attempt.DurationMs);
                command.Parameters.AddWithValue((int)status);
                command.Parameters.AddWithValue(nextAttemptAt.ToUniversalTime());
            },
            "record a webhook attempt",
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        IReadOnlyList<WebhookDelivery> deliveries = await QueryAsync(
            $"SELECT {DeliveryColumns} FROM {"{s}"}.webhook_deliveries WHERE tenant = $1 AND webhook_id = $2 ORDER BY created_at DESC, id LIMIT $3",
            command =>
            {
                command.Parameters.AddWithValue(tenantId);
                command.Parameters.AddWithValue(webhookId);
                command.Parameters.AddWithValue(limit);
            },
            ReadDelivery,
            "list webhook deliveries",
            cancellationToken).ConfigureAwait(false);
        if (deliveries.Count == 0)
        {
            return deliveries;
        }

        IReadOnlyList<(string Delivery, WebhookAttempt Attempt)> attempts = await QueryAsync(
            "SELECT delivery_id, number, at, status_code, error, duration_ms FROM {s}.webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, number",
            command => command.Parameters.AddWithValue(deliveries.Select(static d => d.Id).ToArray()),
            static reader => (reader.GetString(0), new WebhookAttempt(
                reader.GetInt32(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetDouble(5))),
            "list webhook attempts",
            cancellationToken).ConfigureAwait(false);
        ILookup<string, WebhookAttempt> byDelivery = attempts.ToLookup(static a => a.Delivery, static a => a.Attempt, StringComparer.Ordinal);
        return [.. deliveries.Select(d => d with { History = [.. byDelivery[d.Id]] })];
    }

    private static Webhook ReadWebhook(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5));

    private static WebhookDelivery ReadDelivery(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(8))
    {
        Status = (WebhookDeliveryStatus)reader.GetInt32(5),
        Attempts = reader.GetInt32(6),
        NextAttemptAt = reader.GetFieldValue<DateTimeOffset>(7),
    };

    private async Task ExecuteAsync(string sql, Action<NpgsqlCommand> bind, string operation, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql(sql), connection);
                bind(command);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, operation, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, string operation, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using NpgsqlCommand command = new(_database.Sql(sql), connection);
                bind(command);
                NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(read(reader));
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                throw _database.Failure(ex, operation, cancellationToken);
            }
        }

        return rows;
    }
}
