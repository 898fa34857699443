using Npgsql;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>API keys in PostgreSQL: only hashes stored, revocation seen by every instance at once.</summary>
public sealed class PostgreSqlApiKeyStoreTests(PostgreSqlStoreFixture fixture) : IClassFixture<PostgreSqlStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateKey_StoresOnlyTheHash_AndEveryInstanceAuthenticatesIt()
    {
        // Arrange: two instances (two pools) over one schema.
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using var firstDatabase = new PostgreSqlDatabase(options);
        await using var secondDatabase = new PostgreSqlDatabase(options);
        var first = new PostgreSqlApiKeyStore(firstDatabase);
        var second = new PostgreSqlApiKeyStore(secondDatabase);
        Assert.False(await first.HasActiveKeyAsync("acme", Ct));

        // Act
        Assert.True(await first.CreateTenantAsync("acme", Ct));
        Assert.False(await second.CreateTenantAsync("acme", Ct));
        CreatedApiKey key = await first.CreateKeyAsync("acme", Ct);

        // Assert
        Assert.True(await second.HasActiveKeyAsync("acme", Ct));
        Assert.Equal((key.KeyId, "acme"), await second.AuthenticateAsync(key.Key, Ct));
        Assert.Null(await second.AuthenticateAsync(key.Key[..^1] + (key.Key[^1] == 'a' ? 'b' : 'a'), Ct));
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {options.Schema}.service_api_keys WHERE encode(hash, 'escape') LIKE '%' || $1 || '%' OR key_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key[(key.KeyId.Length + 4)..] });
        command.Parameters.Add(new NpgsqlParameter { Value = key.KeyId });
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));   // the row exists by its id; the secret is nowhere in it

        Assert.True(await second.RevokeKeyAsync(key.Key, Ct));
        Assert.Null(await first.AuthenticateAsync(key.Key, Ct));
        Assert.False(await first.RevokeKeyAsync(key.KeyId, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_")]
    [InlineData("pk_zzzzzzzzzzzz_secret")]
    [InlineData("Bearer something")]
    public async Task Authenticate_Malformed_ReturnsNull(string? presented)
    {
        await using var database = new PostgreSqlDatabase(await fixture.NewOptionsAsync(Ct));

        Assert.Null(await new PostgreSqlApiKeyStore(database).AuthenticateAsync(presented, Ct));
    }

    [Fact]
    public async Task CreateKey_UnknownTenant_ThrowsArgumentException()
    {
        await using var database = new PostgreSqlDatabase(await fixture.NewOptionsAsync(Ct));

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => new PostgreSqlApiKeyStore(database).CreateKeyAsync("nobody", Ct));
        Assert.Equal("tenantId", error.ParamName);
    }
}
