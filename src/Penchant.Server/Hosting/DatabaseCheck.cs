using Microsoft.Extensions.Diagnostics.HealthChecks;
using Penchant.PostgreSql;
using Penchant.Storage;

namespace Penchant.Server.Hosting;

/// <summary>
/// <c>/health/ready</c>: the database answers. Over PostgreSQL it runs <c>SELECT 1</c> on a pooled connection (so a load
/// balancer stops sending requests to an instance that cannot reach the database, and sends them again once it can);
/// a SQLite file is local and needs no probe. The result names the database, without credentials.
/// </summary>
internal sealed class DatabaseCheck(ServerHost.DatabaseLocation location, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["database"] = location.Description };
        if (services.GetService<PostgreSqlDatabase>() is not { } database)
        {
            return HealthCheckResult.Healthy(location.Description, data);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await database.CheckAsync(timeout.Token);
            return HealthCheckResult.Healthy(location.Description, data);
        }
        catch (Exception exception) when (exception is PenchantException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {location.Description}.", exception is StoreUnavailableException or OperationCanceledException ? null : exception, data);
        }
    }
}
