namespace Penchant.Sqlite;

/// <summary>Configures a <see cref="SqlitePreferenceStore"/>: where the database lives and how long a writer waits for a lock.</summary>
/// <remarks>Set exactly one of <see cref="Path"/> and <see cref="ConnectionString"/>.</remarks>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the path of the database file; its directory is created when missing.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets a Microsoft.Data.Sqlite connection string, for settings <see cref="Path"/> cannot express.
    /// An in-memory database must be named and shared (<c>Data Source=name;Mode=Memory;Cache=Shared</c>); it lives as long as the store.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets how long an operation waits for another process's lock on the file before failing.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
