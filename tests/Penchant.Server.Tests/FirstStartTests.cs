using Microsoft.Extensions.Logging;
using Penchant.Server.Hosting;
using Penchant.Sqlite;

namespace Penchant.Server;

/// <summary>
/// A first start ends with a usable key for tenant <c>default</c>, whatever the database already holds, and the readiness
/// probe polled while the model loads is not logged as a failure.
/// </summary>
public sealed class FirstStartTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_DefaultHasOnlyARevokedKeyAndAnotherTenantHasOne_CreatesAnActiveDefaultKey()
    {
        // Arrange: a file the CLI made, with a key of tenant 'acme' and a revoked key of 'default'
        string directory = Path.Combine(Path.GetTempPath(), "penchant-first-start-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string database = Path.Combine(directory, "penchant.db");
        var keys = new SqliteApiKeyStore(database);
        await keys.CreateTenantAsync("acme", Cancellation);
        await keys.CreateKeyAsync("acme", Cancellation);
        await keys.CreateTenantAsync("default", Cancellation);
        await keys.RevokeKeyAsync((await keys.CreateKeyAsync("default", Cancellation)).KeyId, Cancellation);
        Assert.False(await keys.HasActiveKeyAsync("default", Cancellation));
        Assert.True(await keys.HasActiveKeyAsync("acme", Cancellation));

        // Act
        await using var factory = new BootstrappingServerFactory(database);
        await factory.WaitUntilReadyAsync(Cancellation);

        // Assert
        Assert.True(await factory.Keys.HasActiveKeyAsync("default", Cancellation));
        Assert.True(await keys.HasActiveKeyAsync("default", Cancellation));
    }

    [Fact]
    public void ReadinessLogFilter_WhileStarting_DropsFailuresAndKeepsThemOnceSettled()
    {
        var starting = new ReadinessState();
        var ready = new ReadinessState();
        ready.SetReady();
        var failed = new ReadinessState();
        failed.SetFailed(new InvalidOperationException("the model file is missing"));

        Assert.False(ReadinessLogFilter.Allows(starting, LogLevel.Error));
        Assert.False(ReadinessLogFilter.Allows(starting, LogLevel.Warning));
        Assert.True(ReadinessLogFilter.Allows(starting, LogLevel.Information));
        Assert.True(ReadinessLogFilter.Allows(ready, LogLevel.Error));
        Assert.True(ReadinessLogFilter.Allows(failed, LogLevel.Error));
        Assert.False(ReadinessLogFilter.Allows(ready, LogLevel.Debug));
    }

    private sealed class BootstrappingServerFactory(string database) : PenchantServerFactory(database)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Penchant:Service:BootstrapKey", "true")];
    }
}
