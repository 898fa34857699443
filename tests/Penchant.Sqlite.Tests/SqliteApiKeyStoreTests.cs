using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Storage;

namespace Penchant.Sqlite;

public sealed class SqliteApiKeyStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "penchant-keys-" + Guid.NewGuid().ToString("N") + ".db");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateKey_StoresOnlyTheHash_AndAuthenticatesToTheTenant()
    {
        var store = new SqliteApiKeyStore(_path);
        await store.CreateTenantAsync("acme", Cancellation);

        CreatedApiKey key = await store.CreateKeyAsync("acme", Cancellation);

        Assert.StartsWith("pk_" + key.KeyId + "_", key.Key, StringComparison.Ordinal);
        Assert.Equal((key.KeyId, "acme"), await store.AuthenticateAsync(key.Key, Cancellation));
        byte[] file = await File.ReadAllBytesAsync(_path, Cancellation);
        string wal = File.Exists(_path + "-wal") ? Convert.ToHexString(await File.ReadAllBytesAsync(_path + "-wal", Cancellation)) : string.Empty;
        string secret = key.Key[(key.KeyId.Length + 4)..];
        Assert.DoesNotContain(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(secret)), Convert.ToHexString(file) + wal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_")]
    [InlineData("pk_zzzzzzzzzzzz_secret")]
    [InlineData("Bearer something")]
    public async Task Authenticate_Malformed_ReturnsNull(string? presented)
    {
        var store = new SqliteApiKeyStore(_path);

        Assert.Null(await store.AuthenticateAsync(presented, Cancellation));
    }

    [Fact]
    public async Task Revoke_KeyRefusedAfterwards_OtherKeysStillWork()
    {
        var store = new SqliteApiKeyStore(_path);
        await store.CreateTenantAsync("acme", Cancellation);
        CreatedApiKey revoked = await store.CreateKeyAsync("acme", Cancellation);
        CreatedApiKey kept = await store.CreateKeyAsync("acme", Cancellation);

        Assert.True(await store.RevokeKeyAsync(revoked.KeyId, Cancellation));
        Assert.False(await store.RevokeKeyAsync(revoked.KeyId, Cancellation));

        Assert.Null(await store.AuthenticateAsync(revoked.Key, Cancellation));
        Assert.NotNull(await store.AuthenticateAsync(kept.Key, Cancellation));
    }

    [Fact]
    public async Task CreateKey_UnknownTenant_Throws()
    {
        var store = new SqliteApiKeyStore(_path);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateKeyAsync("ghost", Cancellation));
        Assert.Equal("tenantId", error.ParamName);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/tenant")]
    [InlineData("ünïcode")]
    public async Task CreateTenant_InvalidName_Throws(string name)
    {
        var store = new SqliteApiKeyStore(_path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateTenantAsync(name, Cancellation));
    }

    [Fact]
    public async Task UseSqlite_RegistersTheKeyStoreOnTheSameFile_UnlessOneIsRegistered()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddPenchant().UseSqlite(_path);
        var replacement = new SqliteApiKeyStore(_path);
        var replaced = new ServiceCollection();
        replaced.AddSingleton<IApiKeyStore>(replacement);
        replaced.AddPenchant().UseSqlite(_path);

        // Act
        await using ServiceProvider provider = services.BuildServiceProvider();
        await using ServiceProvider replacedProvider = replaced.BuildServiceProvider();
        IApiKeyStore keys = provider.GetRequiredService<IApiKeyStore>();
        await keys.CreateTenantAsync("acme", Cancellation);
        CreatedApiKey key = await keys.CreateKeyAsync("acme", Cancellation);

        // Assert
        Assert.IsType<SqliteApiKeyStore>(keys);
        Assert.Same(keys, provider.GetRequiredService<IApiKeyStore>());
        Assert.Same(replacement, replacedProvider.GetRequiredService<IApiKeyStore>());
        Assert.Equal((key.KeyId, "acme"), await new SqliteApiKeyStore(_path).AuthenticateAsync(key.Key, Cancellation));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    public void ValidateTenant_Invalid_ThrowsNamingTheParameter(string name)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => ApiKeyFormat.ValidateTenant(name));

        Assert.Equal("tenantId", error.ParamName);
    }

    [Fact]
    public void ValidateTenant_TooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => ApiKeyFormat.ValidateTenant(new string('a', ApiKeyFormat.MaxTenantLength + 1)));
        ApiKeyFormat.ValidateTenant(new string('a', ApiKeyFormat.MaxTenantLength));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
