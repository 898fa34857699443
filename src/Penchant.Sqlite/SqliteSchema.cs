using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Penchant.Sqlite;

/// <summary>
/// The tables of a preference database file, versioned in <c>PRAGMA user_version</c>: a new file gets <see cref="CreateSql"/>,
/// an older one the upgrade steps from its version on, in one transaction; a current file runs no DDL at all.
/// </summary>
/// <remarks>
/// Both the preference store and the webhook store bring a file to the current version before first use (the webhook outbox
/// is part of the schema, since commits add deliveries to it in their own transaction). A released step is never edited: a
/// change to the schema is a new step at the end and a change to <see cref="CreateSql"/>.
/// </remarks>
internal static class SqliteSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 5;

    // Learned parameters: a tenant's models have user = '' (no valid user identifier is empty); a user's rows go with the user.
    private const string CreateModelsSql =
        """
        CREATE TABLE IF NOT EXISTS models (
            tenant  TEXT    NOT NULL,
            user    TEXT    NOT NULL,
            name    TEXT    NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB    NOT NULL,
            PRIMARY KEY (tenant, user, name)
        );
        """;

    // The expiry sweep finds the users with expired preferences through this index (expires_at in Unix milliseconds).
    private const string CreateExpiryIndexSql =
        """
        CREATE INDEX IF NOT EXISTS preferences_by_expiry ON preferences (expires_at) WHERE expires_at IS NOT NULL;
        """;

    // Each key/value pair of each preference's metadata (also in the payload), for filtered reads: a filter's condition is a
    // range of the primary key. The foreign key takes the rows with their preference when the preference is deleted.
    private const string CreateMetadataIndexSql =
        """
        CREATE TABLE IF NOT EXISTS preference_metadata (
            tenant        TEXT NOT NULL,
            user          TEXT NOT NULL,
            key           TEXT NOT NULL,
            value         TEXT NOT NULL,
            preference_id TEXT NOT NULL,
            PRIMARY KEY (tenant, user, key, value, preference_id),
            FOREIGN KEY (tenant, user, preference_id) REFERENCES preferences (tenant, user, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS preference_metadata_by_preference ON preference_metadata (tenant, user, preference_id);
        """;

    // The upgrade of an existing file fills the metadata index from the preferences' payloads.
    private const string FillMetadataIndexSql =
        """
        INSERT OR IGNORE INTO preference_metadata (tenant, user, key, value, preference_id)
        SELECT p.tenant, p.user, m.key, m.value, p.id
        FROM preferences p, json_each(p.payload, '$.metadata') m
        WHERE json_type(p.payload, '$.metadata') = 'object' AND m.type = 'text';
        """;

    /// <summary>Gets the DDL of a new file.</summary>
    public static string CreateSql { get; } =
        """
        CREATE TABLE IF NOT EXISTS users (
            tenant  TEXT    NOT NULL,
            user    TEXT    NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (tenant, user)
        );
        CREATE TABLE IF NOT EXISTS events (
            tenant   TEXT    NOT NULL,
            user     TEXT    NOT NULL,
            seq      INTEGER NOT NULL,
            id       TEXT    NOT NULL,
            kind     INTEGER NOT NULL,
            role     TEXT,
            text     TEXT,
            scope    TEXT,
            target   TEXT,
            at       TEXT    NOT NULL,
            data     TEXT,
            redacted INTEGER NOT NULL DEFAULT 0,
            metadata TEXT,
            expires_at TEXT,
            PRIMARY KEY (tenant, user, seq),
            UNIQUE (tenant, user, id),
            FOREIGN KEY (tenant, user) REFERENCES users (tenant, user) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS preferences (
            tenant    TEXT    NOT NULL,
            user      TEXT    NOT NULL,
            id        TEXT    NOT NULL,
            ordinal   INTEGER NOT NULL,
            payload   TEXT    NOT NULL,
            embedding BLOB,
            expires_at INTEGER,
            PRIMARY KEY (tenant, user, id),
            FOREIGN KEY (tenant, user) REFERENCES users (tenant, user) ON DELETE CASCADE
        );
        CREATE INDEX IF NOT EXISTS preferences_by_ordinal ON preferences (tenant, user, ordinal);
        """ + CreateModelsSql + CreateExpiryIndexSql + CreateMetadataIndexSql + SqliteWebhookStore.Schema;

    /// <summary>Gets the upgrade steps: entry <c>i</c> brings a file from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> UpgradeSql { get; } =
    [
        "", // 0 → 1: nothing to upgrade; version 0 is a new file.
        "ALTER TABLE events ADD COLUMN data TEXT;", // 1 → 2: the structured part of a signal.
        CreateModelsSql, // 2 → 3: learned model parameters (tenant population models, per-user parts).

        // 3 → 4: a signal's metadata and expiry; a preference's expiry, indexed for the sweep (its metadata is in the payload).
        "ALTER TABLE events ADD COLUMN metadata TEXT; ALTER TABLE events ADD COLUMN expires_at TEXT; ALTER TABLE preferences ADD COLUMN expires_at INTEGER;"
            + CreateExpiryIndexSql,

        // 4 → 5: the metadata index, filled from the stored preferences; the webhook outbox (until now created on every open).
        CreateMetadataIndexSql + FillMetadataIndexSql + SqliteWebhookStore.Schema,
    ];

    /// <summary>Brings a file to <see cref="Version"/> in one immediate transaction; runs no DDL when it is current.</summary>
    /// <param name="connection">An open connection to the file.</param>
    /// <param name="dataSource">The file, for messages.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the file is current.</returns>
    /// <exception cref="PenchantException">The file was written by a newer schema.</exception>
    public static async Task MigrateAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "PRAGMA user_version;";
            long version = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (version > Version)
            {
                throw new PenchantException(
                    $"The SQLite store '{dataSource}' has schema version {version}, newer than version {Version} that this version of Penchant.Sqlite understands; upgrade the package.");
            }

            if (version == Version)
            {
                return;
            }

            // Version 0 is a new file (CREATE … IF NOT EXISTS also covers tables another class created before); an older file is upgraded step by step.
            if (version == 0)
            {
                await ExecuteAsync(connection, transaction, CreateSql, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                for (long step = version; step < Version; step++)
                {
                    await ExecuteAsync(connection, transaction, UpgradeSql[(int)step], cancellationToken).ConfigureAwait(false);
                }
            }

            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {Version};"), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
