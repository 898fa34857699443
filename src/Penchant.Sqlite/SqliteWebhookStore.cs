using Microsoft.Data.Sqlite;
using Penchant.Webhooks;

namespace Penchant.Sqlite;

/// <summary>
/// Webhooks and their outbox in three tables of the SQLite database file (<c>webhooks</c>, <c>webhook_deliveries</c>,
/// <c>webhook_attempts</c>), part of the preference database's schema: the first use brings the file to the current schema
/// version, as the preference store does.
/// </summary>
/// <remarks>
/// Thread-safe. Times are stored as Unix milliseconds. A claim is one <c>UPDATE … RETURNING</c> statement, so two
/// workers over one file never claim the same delivery.
/// </remarks>
public sealed class SqliteWebhookStore : IWebhookStore
{
    /// <summary>The tables' DDL, idempotent: part of the schema of a new file and of the upgrade to version 5 (<see cref="SqliteSchema"/>).</summary>
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS webhooks (
            tenant     TEXT    NOT NULL,
            id         TEXT    NOT NULL,
            url        TEXT    NOT NULL,
            events     TEXT    NOT NULL,
            secret     TEXT    NOT NULL,
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant, id)
        );
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            id         TEXT    NOT NULL PRIMARY KEY,
            tenant     TEXT    NOT NULL,
            webhook_id TEXT    NOT NULL,
            event_type TEXT    NOT NULL,
            payload    TEXT    NOT NULL,
            status     INTEGER NOT NULL,
            attempts   INTEGER NOT NULL,
            next_ms    INTEGER NOT NULL,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_ms);
        CREATE INDEX IF NOT EXISTS webhook_deliveries_hook ON webhook_deliveries (tenant, webhook_id, created_ms);
        CREATE TABLE IF NOT EXISTS webhook_attempts (
            delivery_id TEXT    NOT NULL,
            number      INTEGER NOT NULL,
            at_ms       INTEGER NOT NULL,
            status_code INTEGER,
            error       TEXT,
            duration_ms REAL    NOT NULL,
            PRIMARY KEY (delivery_id, number)
        );
        """;

    private const string DeliveryColumns = "id, tenant, webhook_id, event_type, payload, status, attempts, next_ms, created_ms";

    private readonly SqliteSideTables _tables;

    /// <summary>Initializes a new instance of the <see cref="SqliteWebhookStore"/> class. No file is touched until first use, which creates the file's folder if needed.</summary>
    /// <param name="databasePath">The SQLite file (the preference database).</param>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is <see langword="null"/>, empty or whitespace.</exception>
    public SqliteWebhookStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        string path = Path.GetFullPath(databasePath);
        _tables = new SqliteSideTables(path, (connection, cancellationToken) => SqliteSchema.MigrateAsync(connection, path, cancellationToken), createDirectory: true);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task CreateAsync(Webhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        await ExecuteAsync(
            "INSERT INTO webhooks (tenant, id, url, events, secret, created_ms) VALUES ($tenant, $id, $url, $events, $secret, $at);",
            command =>
            {
                command.Parameters.AddWithValue("$tenant", webhook.TenantId);
                command.Parameters.AddWithValue("$id", webhook.Id);
                command.Parameters.AddWithValue("$url", webhook.Url);
                command.Parameters.AddWithValue("$events", string.Join(',', webhook.Events));
                command.Parameters.AddWithValue("$secret", webhook.Secret);
                command.Parameters.AddWithValue("$at", webhook.CreatedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Webhook>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return await QueryAsync(
            "SELECT tenant, id, url, events, secret, created_ms FROM webhooks WHERE tenant = $tenant ORDER BY created_ms, id;",
            command => command.Parameters.AddWithValue("$tenant", tenantId),
            ReadWebhook,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Webhook?> GetAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        IReadOnlyList<Webhook> found = await QueryAsync(
            "SELECT tenant, id, url, events, secret, created_ms FROM webhooks WHERE tenant = $tenant AND id = $id;",
            command =>
            {
                command.Parameters.AddWithValue("$tenant", tenantId);
                command.Parameters.AddWithValue("$id", webhookId);
            },
            ReadWebhook,
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                SqliteCommand command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = transaction;
                    command.CommandText = """
                        DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE tenant = $tenant AND webhook_id = $id);
                        DELETE FROM webhook_deliveries WHERE tenant = $tenant AND webhook_id = $id;
                        DELETE FROM webhooks WHERE tenant = $tenant AND id = $id;
                        SELECT changes();
                        """;
                    command.Parameters.AddWithValue("$tenant", tenantId);
                    command.Parameters.AddWithValue("$id", webhookId);
                    long deleted = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return deleted > 0;
                }
            }
        }
    }

    /// <inheritdoc/>
    public async Task<int> EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return 0;
        }

        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                int added = await InsertAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return added;
            }
        }
    }

    /// <summary>Adds deliveries to the outbox in the caller's transaction; a delivery whose identifier is already there is left as it is.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The transaction.</param>
    /// <param name="deliveries">The deliveries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were added.</returns>
    internal static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        int added = 0;
        foreach (WebhookDelivery delivery in deliveries)
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT OR IGNORE INTO webhook_deliveries ({DeliveryColumns})
                    VALUES ($id, $tenant, $hook, $type, $payload, 0, 0, $at, $at);
                    """;
                command.Parameters.AddWithValue("$id", delivery.Id);
                command.Parameters.AddWithValue("$tenant", delivery.TenantId);
                command.Parameters.AddWithValue("$hook", delivery.WebhookId);
                command.Parameters.AddWithValue("$type", delivery.EventType);
                command.Parameters.AddWithValue("$payload", delivery.Payload);
                command.Parameters.AddWithValue("$at", delivery.CreatedAt.ToUnixTimeMilliseconds());
                added += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return added;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        IReadOnlyList<WebhookDelivery> claimed = await QueryAsync(
            $"""
            UPDATE webhook_deliveries SET next_ms = $lease
            WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 0 AND next_ms <= $now ORDER BY next_ms, created_ms LIMIT $max)
            RETURNING {DeliveryColumns};
            """,
            command =>
            {
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$lease", leaseUntil.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$max", max);
            },
            ReadDelivery,
            cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: oldest first, as the contract says.
        return [.. claimed.OrderBy(static d => d.CreatedAt).ThenBy(static d => d.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public async Task RecordAttemptAsync(WebhookDelivery delivery, WebhookAttempt attempt, WebhookDeliveryStatus status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        await ExecuteAsync(
            """
            INSERT OR REPLACE INTO webhook_attempts (delivery_id, number, at_ms, status_code, error, duration_ms)
            SELECT id, $number, $at, $code, $error, $duration FROM webhook_deliveries WHERE id = $id AND tenant = $tenant;
            UPDATE webhook_deliveries SET status = $status, attempts = max(attempts, $number), next_ms = $next WHERE id = $id AND tenant = $tenant;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$id", delivery.Id);
                command.Parameters.AddWithValue("$tenant", delivery.TenantId);
                command.Parameters.AddWithValue("$number", attempt.Number);
                command.Parameters.AddWithValue("$at", attempt.At.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$code", attempt.StatusCode is { } code ? code : DBNull.Value);
                command.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
                command.Parameters.AddWithValue("$duration", attempt.DurationMs);
                command.Parameters.AddWithValue("$status", (int)status);
                command.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeMilliseconds());
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        IReadOnlyList<WebhookDelivery> deliveries = await QueryAsync(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE tenant = $tenant AND webhook_id = $hook ORDER BY created_ms DESC, id LIMIT $limit;",
            command =>
            {
                command.Parameters.AddWithValue("$tenant", tenantId);
                command.Parameters.AddWithValue("$hook", webhookId);
                command.Parameters.AddWithValue("$limit", limit);
            },
            ReadDelivery,
            cancellationToken).ConfigureAwait(false);
        if (deliveries.Count == 0)
        {
            return deliveries;
        }

        IReadOnlyList<(string Delivery, WebhookAttempt Attempt)> attempts = await QueryAsync(
            """
            SELECT a.delivery_id, a.number, a.at_ms, a.status_code, a.error, a.duration_ms FROM webhook_attempts a
            JOIN webhook_deliveries d ON d.id = a.delivery_id
            WHERE d.tenant = $tenant AND d.webhook_id = $hook ORDER BY a.delivery_id, a.number;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$tenant", tenantId);
                command.Parameters.AddWithValue("$hook", webhookId);
            },
            static reader => (reader.GetString(0), new WebhookAttempt(
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetDouble(5))),
            cancellationToken).ConfigureAwait(false);
        ILookup<string, WebhookAttempt> byDelivery = attempts.ToLookup(static a => a.Delivery, static a => a.Attempt, StringComparer.Ordinal);
        return [.. deliveries.Select(d => d with { History = [.. byDelivery[d.Id]] })];
    }

    private static Webhook ReadWebhook(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private static WebhookDelivery ReadDelivery(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)))
    {
        Status = (WebhookDeliveryStatus)reader.GetInt32(5),
        Attempts = reader.GetInt32(6),
        NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
    };

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                bind(command);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        SqliteConnection connection = await _tables.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            SqliteCommand command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                bind(command);
                SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(read(reader));
                    }
                }
            }
        }

        return rows;
    }
}
