using System.Text.Json;
using Penchant.Sqlite;

namespace Penchant.Cli.Commands;

public sealed class KeyCommandTests(CliFixture cli)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantCreateKeyCreateRevoke_KeyAuthenticatesUntilRevoked()
    {
        // Arrange
        string db = cli.NewDatabase();

        // Act
        CliResult tenant = await cli.RunAsync(["--db", db, "tenant", "create", "acme"]);
        CliResult created = await cli.RunAsync(["--db", db, "--json", "key", "create", "--tenant", "acme"]);
        using JsonDocument key = JsonDocument.Parse(created.Output);
        string secret = key.RootElement.GetProperty("key").GetString()!;
        string keyId = key.RootElement.GetProperty("keyId").GetString()!;
        var store = new SqliteApiKeyStore(db);
        (string KeyId, string TenantId)? before = await store.AuthenticateAsync(secret, Cancellation);
        CliResult revoked = await cli.RunAsync(["--db", db, "key", "revoke", keyId]);
        CliResult again = await cli.RunAsync(["--db", db, "key", "revoke", keyId]);

        // Assert
        Assert.True(tenant.ExitCode == 0, tenant.ToString());
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("acme", key.RootElement.GetProperty("tenant").GetString());
        Assert.Equal((keyId, "acme"), before);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Null(await store.AuthenticateAsync(secret, Cancellation));
        Assert.Equal(1, again.ExitCode);
    }

    [Fact]
    public async Task KeyCreate_UnknownTenant_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "key", "create", "--tenant", "ghost"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tenant create ghost", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantCreate_InvalidName_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "tenant", "create", "not valid"]);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Check_HealthyDatabase_PrintsOk()
    {
        string db = cli.NewDatabase();
        await cli.RunAsync(["--db", db, "remember", "I live in Lyon."]);

        CliResult result = await cli.RunAsync(["--db", db, "check"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ok", result.Output.Trim());
    }

    [Fact]
    public async Task Check_CorruptPages_ExitsTwo()
    {
        // Arrange: a real database whose second and third pages are overwritten
        string db = cli.NewDatabase();
        await cli.RunAsync(["--db", db, "remember", "I live in Lyon."]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (FileStream file = File.Open(db, FileMode.Open, FileAccess.ReadWrite))
        {
            Assert.True(file.Length > 3 * 4096, "the database should have more than three pages");
            file.Position = 4096;
            await file.WriteAsync(new byte[8192].Select(static _ => (byte)0x5A).ToArray(), Cancellation);
        }

        // Act
        CliResult result = await cli.RunAsync(["--db", db, "check"]);

        // Assert
        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
