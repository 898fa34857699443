namespace Penchant.Server;

/// <summary>
/// The service on real Kestrel (loopback, a port the system chooses) over a SQLite file another host shares, as one of two
/// service processes over one database: each host has its own engine, caches and connections.
/// </summary>
public sealed class SharedDatabaseServerFactory : PenchantServerFactory
{
    private readonly bool _checkCachedStateOnRead;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;

    /// <summary>Initializes a new instance of the <see cref="SharedDatabaseServerFactory"/> class.</summary>
    /// <param name="databasePath">The shared SQLite file; the caller deletes it.</param>
    /// <param name="checkCachedStateOnRead">The engine's <see cref="PenchantOptions.CheckCachedStateOnRead"/>, set through the service's configuration.</param>
    /// <param name="settings">More configuration settings of the service (section:key, value).</param>
    public SharedDatabaseServerFactory(string databasePath, bool checkCachedStateOnRead, IReadOnlyList<KeyValuePair<string, string>>? settings = null)
        : base(databasePath)
    {
        _checkCachedStateOnRead = checkCachedStateOnRead;
        _settings = settings ?? [];
        UseKestrel(0);
    }

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new($"{ServerHost.OptionsSection}:{nameof(PenchantOptions.CheckCachedStateOnRead)}", _checkCachedStateOnRead ? "true" : "false"),
        .. _settings,
    ];
}
