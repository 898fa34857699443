namespace Penchant.Server.Hosting;

/// <summary>
/// Keeps the health-check service from logging an unhealthy <c>/health/ready</c> as an error while the service is still
/// starting (loading the store and the model): a probe polled during start-up is expected to fail and is not news. Once
/// start-up succeeded or failed, every result is logged as usual.
/// </summary>
internal static class ReadinessLogFilter
{
    /// <summary>The logging category of the health-check service.</summary>
    public const string Category = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    /// <summary>Tells whether an entry of <see cref="Category"/> at a level is logged.</summary>
    /// <param name="state">The service's start-up state.</param>
    /// <param name="level">The entry's level.</param>
    /// <returns><see langword="false"/> for warnings and errors while starting, and for entries below Information.</returns>
    public static bool Allows(ReadinessState state, LogLevel level)
        => level >= LogLevel.Information && (level < LogLevel.Warning || state.IsReady || state.Failure is not null);
}
