using Npgsql;

namespace Penchant.Server;

/// <summary>
/// The service on PostgreSQL (<c>Penchant:Postgres</c>), in a schema of its own in the database <c>PENCHANT_POSTGRES</c>
/// names, dropped afterwards; one per test class. Tests using it skip when the variable is unset.
/// </summary>
public sealed class PostgreSqlServerFactory : PenchantServerFactory
{
    /// <summary>The environment variable holding the test server's connection string.</summary>
    public const string Variable = "PENCHANT_POSTGRES";

    private readonly string _schema = "server_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Gets the test server's connection string, or <see langword="null"/> when none is configured.</summary>
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the running test when no PostgreSQL server is configured.</summary>
    public static void SkipUnlessConfigured() => Assert.SkipWhen(
        ServerConnectionString is null,
        $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string (.ci/run does), e.g. Host=127.0.0.1;Username=penchant;Password=penchant;Database=penchant");

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        ServerConnectionString is { } connectionString
            ? [new(ServerHost.PostgresKey, connectionString), new("Penchant:PostgreSql:Schema", _schema)]
            : [];

    /// <inheritdoc/>
    public override async Task<string> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT (SELECT count(*) FROM {_schema}.events) || '/' || (SELECT count(*) FROM {_schema}.preferences) || '/' || (SELECT count(*) FROM {_schema}.users) || '/' || (SELECT coalesce(sum(length(coalesce(text, ''))), 0) FROM {_schema}.events)",
            connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ServerConnectionString is { } connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
