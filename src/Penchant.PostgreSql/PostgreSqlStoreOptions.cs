using System.ComponentModel.DataAnnotations;

namespace Penchant.PostgreSql;

/// <summary>
/// Configures the PostgreSQL store (configuration section <c>Penchant:PostgreSql</c>; the connection string alone may be
/// given as <c>Penchant:Postgres</c>): which server and schema, how many connections, and how long to wait.
/// </summary>
/// <remarks>Settings the connection string states itself win over the defaults below.</remarks>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string Section = "Penchant:PostgreSql";

    /// <summary>Gets or sets the Npgsql connection string, for example <c>Host=db;Database=penchant;Username=penchant;Password=…</c>.</summary>
    /// <value>The default value is <see langword="null"/>: it must be set.</value>
    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the schema that holds the store's tables; created on start when missing. Lower-case letters, digits
    /// and underscores, starting with a letter or an underscore.
    /// </summary>
    /// <value>The default value is <c>penchant</c>.</value>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; set; } = "penchant";

    /// <summary>Gets or sets the most connections one process opens to the server (Npgsql's <c>Maximum Pool Size</c>) unless the connection string sets it.</summary>
    /// <value>The default value is 50.</value>
    [Range(1, 10_000)]
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>Gets or sets how long opening a connection may take before the operation fails as unavailable, unless the connection string sets <c>Timeout</c>.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long one command may run before it is cancelled, unless the connection string sets <c>Command Timeout</c>.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many connections the pool keeps open when idle (Npgsql's <c>Minimum Pool Size</c>) unless the
    /// connection string sets it; they are opened on start, so the first burst of requests does not wait for new connections.
    /// </summary>
    /// <remarks>Each one is a server process: on a server shared by many stores (tests, small tenants' schemas), keep it small.</remarks>
    /// <value>The default value is 4.</value>
    [Range(0, 10_000)]
    public int MinPoolSize { get; set; } = 4;

    /// <summary>Gets or sets how long a pooled connection may stay idle before it is closed (down to <see cref="MinPoolSize"/>), unless the connection string sets <c>Connection Idle Lifetime</c>.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ConnectionIdleLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets a value indicating whether concurrent reads of users' log positions (the check a cached state gets
    /// before every read) are sent together, as one batch of statements in one round trip.
    /// </summary>
    /// <remarks>
    /// A read joins the next batch to be sent, never one already sent, so every answer comes from a snapshot taken after
    /// the read was asked for: a write acknowledged by any instance before it is seen (read-your-writes across instances).
    /// Each statement still names one user, so the batch routes by user on a distributed database.
    /// </remarks>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool BatchLogPositionReads { get; set; } = true;

    /// <summary>Gets or sets the most users whose log positions one batch reads (<see cref="BatchLogPositionReads"/>); more are split into several batches.</summary>
    /// <value>The default value is 64.</value>
    [Range(1, 10_000)]
    public int MaxLogPositionBatch { get; set; } = 64;

    /// <summary>
    /// Gets or sets how long a verified API key is trusted without asking the database again. A revoked key is refused by
    /// every instance as soon as the revocation's notification reaches it (milliseconds, through a <c>LISTEN</c>
    /// connection each instance holds), and within this duration in every case; while an instance's listening connection
    /// is down, it trusts no cached key. <see cref="TimeSpan.Zero"/> turns the cache off: every request reads its key.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how often the listening connection (<see cref="ApiKeyCacheDuration"/>) is checked while idle (Npgsql's
    /// <c>Keepalive</c>): a connection lost without a word is noticed within about this long plus <see cref="CommandTimeout"/>.
    /// </summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ListenerKeepAlive { get; set; } = TimeSpan.FromSeconds(5);
}
