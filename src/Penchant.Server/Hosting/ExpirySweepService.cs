using Microsoft.Extensions.Options;

namespace Penchant.Server.Hosting;

/// <summary>
/// Forgets expired preferences in the background (<see cref="IPenchant.RemoveExpiredAsync"/>) every
/// <see cref="ServiceOptions.ExpirySweepInterval"/>, once the service is ready. Expired preferences stop being listed and
/// selected at once; the sweep erases them and the text of the signals they came from, as forgetting does.
/// </summary>
internal sealed class ExpirySweepService(
    IPenchant engine,
    ReadinessState readiness,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<ExpirySweepService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = options.Value.ExpirySweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!readiness.IsReady)
            {
                continue;
            }

            try
            {
                int removed = await engine.RemoveExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    Log.SweptExpired(logger, removed);
                }
            }
            catch (PenchantException exception)
            {
                Log.SweepFailed(logger, exception);
            }
        }
    }
}
