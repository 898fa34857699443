using Microsoft.Data.Sqlite;

namespace Penchant.Server.Tenancy;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "penchant-keys-" + Guid.NewGuid().ToString("N") + ".db");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateKey_StoresOnlyTheHash_AndAuthenticatesToTheTenant()
    {
        var store = new ApiKeyStore(_path);
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
        var store = new ApiKeyStore(_path);

        Assert.Null(await store.AuthenticateAsync(presented, Cancellation));
    }

    [Fact]
    public async Task Revoke_KeyRefusedAfterwards_OtherKeysStillWork()
    {
        var store = new ApiKeyStore(_path);
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
        var store = new ApiKeyStore(_path);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateKeyAsync("ghost", Cancellation));
        Assert.Equal("tenantId", error.ParamName);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/tenant")]
    [InlineData("ünïcode")]
    public async Task CreateTenant_InvalidName_Throws(string name)
    {
        var store = new ApiKeyStore(_path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateTenantAsync(name, Cancellation));
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
