using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>Registration and options: these need no server, so they run everywhere.</summary>
public sealed class PostgreSqlServiceCollectionExtensionsTests
{
    [Fact]
    public void UsePostgreSql_FromConfiguration_BindsOptionsAndRegistersBothStoresOnOneDatabase()
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Penchant:PostgreSql:ConnectionString"] = "Host=db.example;Database=prefs;Username=svc",
            ["Penchant:PostgreSql:Schema"] = "tenant_data",
            ["Penchant:PostgreSql:MaxPoolSize"] = "7",
        }).Build();
        var services = new ServiceCollection();

        // Act
        services.AddPenchant().UsePostgreSql(configuration.GetSection(PostgreSqlStoreOptions.Section));
        using ServiceProvider provider = services.BuildServiceProvider();

        // Assert
        PostgreSqlStoreOptions options = provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;
        Assert.Equal("tenant_data", options.Schema);
        Assert.Equal(7, options.MaxPoolSize);
        var store = Assert.IsType<PostgreSqlPreferenceStore>(provider.GetRequiredService<IPreferenceStore>());
        Assert.Same(provider.GetRequiredService<PostgreSqlDatabase>(), store.Database);
        Assert.Same(store, provider.GetRequiredService<IPreferenceStore>());
        Assert.IsType<PostgreSqlApiKeyStore>(provider.GetRequiredService<IApiKeyStore>());
        Assert.Equal("postgresql://db.example/prefs (schema tenant_data)", store.Database.Description);
    }

    [Fact]
    public void UsePostgreSql_ConnectionString_NeverAppearsInTheDescription()
    {
        var services = new ServiceCollection();
        services.AddPenchant().UsePostgreSql("Host=db.example;Database=prefs;Username=svc;Password=hunter2");
        using ServiceProvider provider = services.BuildServiceProvider();

        PostgreSqlDatabase database = provider.GetRequiredService<PostgreSqlDatabase>();

        Assert.DoesNotContain("hunter2", database.Description, StringComparison.Ordinal);
        Assert.Equal("penchant", database.Schema);
    }

    [Fact]
    public void ValidateOnStart_MissingConnectionString_FailsWithTheOptionsName()
    {
        var services = new ServiceCollection();
        services.AddPenchant().UsePostgreSql(static _ => { });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);
        Assert.Contains(nameof(PostgreSqlStoreOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "penchant")]
    [InlineData("Host=db", "Bad-Name")]
    [InlineData("Host=db", "1st")]
    [InlineData("Host=db", "drop table users;--")]
    [InlineData("Host=db;Unknown Setting=3", "penchant")]
    public void Constructor_BadOptions_ThrowsArgumentException(string? connectionString, string schema)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema }));

        Assert.Equal("options", error.ParamName);
    }
}
