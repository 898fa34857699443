using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Training;

/// <summary>
/// Runs the queued training jobs one at a time, outside any HTTP request, and records each one's outcome in
/// <see cref="TrainingJobs"/>.
/// </summary>
/// <remarks>
/// Jobs run one after another (training is CPU-bound and the service shares its cores with requests). On shutdown the
/// running job is cancelled and marked failed with <c>training_cancelled</c>; queued jobs are dropped with the process.
/// </remarks>
internal sealed class TrainingWorker(TrainingJobs jobs, IPenchant engine, ILogger<TrainingWorker> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (QueuedTraining job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(QueuedTraining job, CancellationToken stoppingToken)
    {
        jobs.Started(job.Id);
        Log.TrainingStarted(logger, job.Id);
        try
        {
            TrainingReport report = await engine.TrainAsync(job.Tenant, job.Options, stoppingToken);
            jobs.Succeeded(job.Id, report.ToContract());
            Log.TrainingSucceeded(logger, job.Id, report.Users, report.Comparisons, report.ModelVersion);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            jobs.Failed(job.Id, new TrainingJobError(
                StatusCodes.Status503ServiceUnavailable, ApiProblems.TrainingCancelled, "Training cancelled", "The service stopped before training finished; start it again."));
            Log.TrainingCancelled(logger, job.Id);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The same classification a request that trained inline would have answered with.
            (int status, string code, string title) = ApiProblems.Classify(exception);
            string? detail = status < 500 || exception is PenchantException ? exception.Message : null;
            jobs.Failed(job.Id, new TrainingJobError(status, code, title, detail));
            Log.TrainingFailed(logger, exception, job.Id);
        }
    }
}
