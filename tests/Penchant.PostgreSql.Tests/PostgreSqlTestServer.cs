using Npgsql;

namespace Penchant.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests run against, named by the <c>PENCHANT_POSTGRES</c> environment variable (an Npgsql
/// connection string whose role may create databases). Without it, every PostgreSQL test skips and says why.
/// </summary>
public static class PostgreSqlTestServer
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "PENCHANT_POSTGRES";

    /// <summary>Gets the configured connection string, or <see langword="null"/>.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the running test when no server is configured.</summary>
    /// <returns>The connection string.</returns>
    public static string Require()
    {
        string? connectionString = ConnectionString;
        Assert.SkipWhen(
            connectionString is null,
            $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string whose role may create databases (.ci/run does), e.g. Host=127.0.0.1;Username=penchant;Password=penchant;Database=penchant");
        return connectionString!;
    }

    /// <summary>Creates a new, empty database and returns a connection string to it.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The database's name and connection string.</returns>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        string server = Require();
        string name = "penchant_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    /// <summary>Drops a database the tests created, closing what is still connected to it.</summary>
    /// <param name="name">The database.</param>
    /// <returns>A task that completes when the database is gone.</returns>
    public static async Task DropDatabaseAsync(string name)
    {
        if (ConnectionString is not { } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
