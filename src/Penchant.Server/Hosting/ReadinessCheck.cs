using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Penchant.Server.Hosting;

/// <summary><c>/health/ready</c>: healthy once the store is initialized and the embedding model is loaded (see <see cref="StartupService"/>).</summary>
internal sealed class ReadinessCheck(ReadinessState state) : IHealthCheck
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string Tag = "ready";

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Failure is { } failure
            ? HealthCheckResult.Unhealthy("Start-up failed.", failure)
            : state.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Starting: loading the store and the embedding model."));
}
