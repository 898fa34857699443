namespace Penchant.PostgreSql;

/// <summary>
/// The store's tables, as numbered migrations applied in order on start (<see cref="PostgreSqlDatabase.InitializeAsync"/>).
/// <c>{s}</c> stands for the configured schema.
/// </summary>
/// <remarks>
/// <para>
/// Every per-user table's primary key leads with <c>(tenant, user_id)</c> and every request-path query names both, so the
/// tables can be distributed by user (Citus, see <c>docs/scale-out.md</c>) without changing a query. Identifiers
/// (events, preferences, models) are unique per user of a tenant, never globally: an event id derived from an
/// idempotency key is the same string in every tenant that uses the key.
/// </para>
/// <para>
/// A released migration is never edited: a change to the schema is a new entry at the end. There are no foreign keys
/// between per-user tables (deleting a user deletes from each table in one transaction), which keeps them distributable.
/// </para>
/// </remarks>
internal static class PostgreSqlSchema
{
    /// <summary>Gets the migrations; entry <c>i</c> brings the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 0 → 1: the event log, preferences, models, tenants and API keys.
        """
        CREATE TABLE {s}.users (
            tenant        text   COLLATE "C" NOT NULL,
            user_id       text   COLLATE "C" NOT NULL,
            version       bigint NOT NULL,
            last_event_id text   COLLATE "C",
            ordinals      bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant, user_id)
        );
        CREATE TABLE {s}.events (
            tenant   text    COLLATE "C" NOT NULL,
            user_id  text    COLLATE "C" NOT NULL,
            seq      bigint  NOT NULL,
            id       text    COLLATE "C" NOT NULL,
            kind     text    NOT NULL,
            role     text,
            text     text,
            scope    text,
            target   text,
            at       text    NOT NULL,
            data     text,
            redacted boolean NOT NULL DEFAULT false,
            PRIMARY KEY (tenant, user_id, seq),
            CONSTRAINT events_id_unique UNIQUE (tenant, user_id, id)
        );
        CREATE TABLE {s}.preferences (
            tenant    text   COLLATE "C" NOT NULL,
            user_id   text   COLLATE "C" NOT NULL,
            id        text   COLLATE "C" NOT NULL,
            ordinal   bigint NOT NULL,
            payload   text   NOT NULL,
            embedding bytea,
            PRIMARY KEY (tenant, user_id, id)
        );
        CREATE INDEX preferences_by_ordinal ON {s}.preferences (tenant, user_id, ordinal);
        CREATE TABLE {s}.user_models (
            tenant  text   COLLATE "C" NOT NULL,
            user_id text   COLLATE "C" NOT NULL,
            name    text   COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            payload bytea  NOT NULL,
            PRIMARY KEY (tenant, user_id, name)
        );
        CREATE TABLE {s}.tenant_models (
            tenant  text   COLLATE "C" NOT NULL,
            name    text   COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            payload bytea  NOT NULL,
            PRIMARY KEY (tenant, name)
        );
        CREATE TABLE {s}.service_tenants (
            id         text        COLLATE "C" NOT NULL PRIMARY KEY,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE {s}.service_api_keys (
            key_id     text        COLLATE "C" NOT NULL PRIMARY KEY,
            tenant     text        COLLATE "C" NOT NULL REFERENCES {s}.service_tenants (id),
            hash       bytea       NOT NULL,
            created_at timestamptz NOT NULL,
            revoked_at timestamptz
        );
        """,

        // 1 → 2: a signal's metadata and expiry; a preference's expiry, indexed for the sweep (its metadata is in the payload).
        """
        ALTER TABLE {s}.events ADD COLUMN IF NOT EXISTS metadata text;
        ALTER TABLE {s}.events ADD COLUMN IF NOT EXISTS expires_at text;
        ALTER TABLE {s}.preferences ADD COLUMN IF NOT EXISTS expires_at timestamptz;
        CREATE INDEX IF NOT EXISTS preferences_by_expiry ON {s}.preferences (expires_at) WHERE expires_at IS NOT NULL;
        """,

        // 2 → 3: the metadata index (each key/value pair of each preference's metadata, also in the payload), filled from the
        // stored preferences. A filter's condition is a range of the primary key; rows go with their preference by identifier.
        """
        CREATE TABLE IF NOT EXISTS {s}.preference_metadata (
            tenant        text COLLATE "C" NOT NULL,
            user_id       text COLLATE "C" NOT NULL,
            key           text COLLATE "C" NOT NULL,
            value         text COLLATE "C" NOT NULL,
            preference_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (tenant, user_id, key, value, preference_id)
        );
        CREATE INDEX IF NOT EXISTS preference_metadata_by_preference ON {s}.preference_metadata (tenant, user_id, preference_id);
        INSERT INTO {s}.preference_metadata (tenant, user_id, key, value, preference_id)
        SELECT p.tenant, p.user_id, m.key, m.value, p.id
        FROM {s}.preferences p
        CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(p.payload::jsonb -> 'metadata') = 'object' THEN p.payload::jsonb -> 'metadata' END) AS m(key, value)
        ON CONFLICT DO NOTHING;
        """,
    ];

    /// <summary>Gets the schema version this code writes.</summary>
    public static int Version => Migrations.Count;
}
