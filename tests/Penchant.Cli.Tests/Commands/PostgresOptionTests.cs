using Npgsql;

namespace Penchant.Cli.Commands;

/// <summary><c>--postgres CONNSTR</c>: every command works on a PostgreSQL database instead of the SQLite file.</summary>
public sealed class PostgresOptionTests(CliFixture cli)
{
    private const string Variable = "PENCHANT_POSTGRES";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DbAndPostgres_BothGiven_ExitsOneAndSaysWhy()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "--postgres", "Host=127.0.0.1", "list"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("either --db", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_ServerUnreachable_ExitsTwoAndSaysUnavailable()
    {
        CliResult result = await cli.RunAsync(["--postgres", "Host=127.0.0.1;Port=1;Username=penchant;Password=penchant;Timeout=2", "remember", "I like tea."]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unavailable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantKeyRememberListCheck_OnPostgres_Work()
    {
        // Arrange: a fresh database on the test server.
        string? server = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrEmpty(server), $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string whose role may create databases (.ci/run does).");
        string name = "penchant_cli_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server!, $"CREATE DATABASE {name}");
        string postgres = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        try
        {
            // Act
            CliResult tenant = await cli.RunAsync(["--postgres", postgres, "tenant", "create", "acme"]);
            CliResult key = await cli.RunAsync(["--postgres", postgres, "key", "create", "--tenant", "acme"]);
            CliResult remembered = await cli.RunAsync(["--postgres", postgres, "--tenant", "acme", "--user", "ana", "remember", "I am vegetarian."]);
            CliResult listed = await cli.RunAsync(["--postgres", postgres, "--tenant", "acme", "--user", "ana", "list"]);
            CliResult check = await cli.RunAsync(["--postgres", postgres, "check"]);

            // Assert
            Assert.True(tenant.ExitCode == 0, tenant.ToString());
            Assert.True(key.ExitCode == 0, key.ToString());
            Assert.StartsWith("pk_", key.Output.Trim(), StringComparison.Ordinal);
            Assert.True(remembered.ExitCode == 0, remembered.ToString());
            Assert.Contains("vegetarian", listed.Output, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("ok", check.Output.Trim());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
