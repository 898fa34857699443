using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Penchant.Server;

/// <summary>The service on a temporary SQLite file with the real MiniLM model; one per test class.</summary>
public sealed class PenchantServerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "penchant-server-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the database file the service uses.</summary>
    public string DatabasePath => Path.Combine(_directory, "penchant.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerHost.DatabaseKey, DatabasePath);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(static logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
