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
}
