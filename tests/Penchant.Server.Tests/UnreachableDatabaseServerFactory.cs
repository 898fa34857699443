namespace Penchant.Server;

/// <summary>The service configured for a PostgreSQL server nobody runs (port 1 on loopback refuses connections).</summary>
public sealed class UnreachableDatabaseServerFactory : PenchantServerFactory
{
    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new(ServerHost.PostgresKey, "Host=127.0.0.1;Port=1;Username=penchant;Password=penchant;Database=penchant"),
        new("Penchant:PostgreSql:ConnectTimeout", "00:00:02"),
    ];
}
