using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Training;

/// <summary>The job registry: one queued or running job per tenant, a bounded queue, jobs visible to their tenant only.</summary>
public sealed class TrainingJobsTests
{
    private static readonly TrainingResponse Report = new(1, 8, 1, 0.75, 1.0);

    [Fact]
    public void Start_WhileTheTenantHasAJob_ReturnsThatJobAndQueuesNothing()
    {
        TrainingJobs jobs = Create(capacity: 8);

        (TrainingStart first, TrainingJobResponse? queued) = jobs.Start("a", new TrainingOptions { Seed = 3 });
        (TrainingStart second, TrainingJobResponse? existing) = jobs.Start("a", new TrainingOptions { Seed = 4 });
        (TrainingStart other, TrainingJobResponse? otherJob) = jobs.Start("b", new TrainingOptions());

        Assert.Equal(TrainingStart.Started, first);
        Assert.Equal(TrainingJobStatus.Queued, queued!.Status);
        Assert.Equal(3, queued.Options.Seed);
        Assert.Equal(TrainingStart.AlreadyRunning, second);
        Assert.Equal(queued.Id, existing!.Id);
        Assert.Equal(3, existing.Options.Seed);
        Assert.Equal(TrainingStart.Started, other);
        Assert.NotEqual(queued.Id, otherJob!.Id);
        Assert.Equal(2, jobs.Queue.Count);
    }

    [Fact]
    public void Start_AfterTheTenantsJobFinished_StartsANewOne()
    {
        TrainingJobs jobs = Create(capacity: 8);
        (_, TrainingJobResponse? first) = jobs.Start("a", new TrainingOptions());
        jobs.Started(first!.Id);
        Assert.Equal(TrainingStart.AlreadyRunning, jobs.Start("a", new TrainingOptions()).Outcome);
        jobs.Succeeded(first.Id, Report);

        (TrainingStart outcome, TrainingJobResponse? second) = jobs.Start("a", new TrainingOptions());

        Assert.Equal(TrainingStart.Started, outcome);
        Assert.NotEqual(first.Id, second!.Id);
        TrainingJobResponse done = jobs.Find("a", first.Id)!;
        Assert.Equal(TrainingJobStatus.Succeeded, done.Status);
        Assert.Equal(Report, done.Report);
        Assert.NotNull(done.StartedAt);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal([second.Id, first.Id], jobs.List("a").Select(static j => j.Id));
    }

    [Fact]
    public void Start_QueueFull_QueuesNothing()
    {
        TrainingJobs jobs = Create(capacity: 1);
        Assert.Equal(TrainingStart.Started, jobs.Start("a", new TrainingOptions()).Outcome);

        (TrainingStart outcome, TrainingJobResponse? job) = jobs.Start("b", new TrainingOptions());

        Assert.Equal(TrainingStart.QueueFull, outcome);
        Assert.Null(job);
        Assert.Empty(jobs.List("b"));
        Assert.Equal(1, jobs.Queue.Count);
    }

    [Fact]
    public void FindAndList_OtherTenantsJob_AreNotFound()
    {
        TrainingJobs jobs = Create(capacity: 8);
        (_, TrainingJobResponse? job) = jobs.Start("a", new TrainingOptions());

        Assert.Null(jobs.Find("b", job!.Id));
        Assert.Null(jobs.Find("a", "tj_unknown"));
        Assert.Empty(jobs.List("b"));
        Assert.Equal(job, jobs.Find("a", job.Id));
    }

    [Fact]
    public void Failed_KeepsTheErrorAndFreesTheTenant()
    {
        TrainingJobs jobs = Create(capacity: 8);
        (_, TrainingJobResponse? job) = jobs.Start("a", new TrainingOptions());
        var error = new TrainingJobError(500, ApiProblems.EngineFailure, "The preference engine failed", "The store failed.");

        jobs.Failed(job!.Id, error);

        TrainingJobResponse failed = jobs.Find("a", job.Id)!;
        Assert.Equal(TrainingJobStatus.Failed, failed.Status);
        Assert.Equal(error, failed.Error);
        Assert.Null(failed.Report);
        Assert.Equal(TrainingStart.Started, jobs.Start("a", new TrainingOptions()).Outcome);
    }

    [Fact]
    public void Finished_BeyondTheRetention_OldestAreForgotten()
    {
        TrainingJobs jobs = Create(capacity: 64);
        var ids = new List<string>();
        for (int i = 0; i <= TrainingJobs.FinishedPerTenant; i++)
        {
            (_, TrainingJobResponse? job) = jobs.Start("a", new TrainingOptions());
            jobs.Succeeded(job!.Id, Report);
            ids.Add(job.Id);
        }

        Assert.Equal(TrainingJobs.FinishedPerTenant, jobs.List("a").Count);
        Assert.Null(jobs.Find("a", ids[0]));
        Assert.NotNull(jobs.Find("a", ids[^1]));
    }

    private static TrainingJobs Create(int capacity) =>
        new(Options.Create(new ServiceOptions { TrainingQueueCapacity = capacity }), TimeProvider.System);
}
