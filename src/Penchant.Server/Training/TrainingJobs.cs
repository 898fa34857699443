using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Training;

/// <summary>
/// The training jobs of this process: accepts a job per tenant at a time into a bounded queue, which
/// <see cref="TrainingWorker"/> drains, and keeps each job's state for the status resource.
/// </summary>
/// <remarks>
/// <para>Thread-safe. A tenant has at most one job queued or running; starting another while it lasts answers that job
/// (<see cref="TrainingStart.AlreadyRunning"/>). The queue holds at most <see cref="ServiceOptions.TrainingQueueCapacity"/>
/// jobs (one per tenant), beyond which <see cref="TrainingStart.QueueFull"/>.</para>
/// <para>Jobs live in memory only: a restart forgets them (the models they stored stay). Each tenant keeps its
/// <see cref="FinishedPerTenant"/> most recent finished jobs.</para>
/// </remarks>
internal sealed class TrainingJobs
{
    /// <summary>How many finished jobs each tenant keeps.</summary>
    public const int FinishedPerTenant = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _activeByTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> _finishedByTenant = new(StringComparer.Ordinal);
    private readonly Channel<QueuedTraining> _queue;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="TrainingJobs"/> class.</summary>
    /// <param name="options">The service options (the queue's capacity).</param>
    /// <param name="time">The clock.</param>
    public TrainingJobs(IOptions<ServiceOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _queue = Channel.CreateBounded<QueuedTraining>(new BoundedChannelOptions(options.Value.TrainingQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Gets the queue the worker reads.</summary>
    public ChannelReader<QueuedTraining> Queue => _queue.Reader;

    /// <summary>Queues a training job for a tenant unless one is queued or running.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="options">The training options.</param>
    /// <returns>The outcome and the job: the new one, or the tenant's queued or running one.</returns>
    public (TrainingStart Outcome, TrainingJobResponse? Job) Start(string tenant, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            if (_activeByTenant.TryGetValue(tenant, out string? activeId))
            {
                return (TrainingStart.AlreadyRunning, _jobs[activeId].State);
            }

            string id = "tj_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var state = new TrainingJobResponse(
                id,
                TrainingJobStatus.Queued,
                new TrainRequest(options.Prototypes, options.SkewRank, options.Epochs, options.Seed),
                _time.GetUtcNow());
            if (!_queue.Writer.TryWrite(new QueuedTraining(id, tenant, options)))
            {
                return (TrainingStart.QueueFull, null);
            }

            _jobs[id] = new Job(tenant, state);
            _activeByTenant[tenant] = id;
            return (TrainingStart.Started, state);
        }
    }

    /// <summary>Finds a job of a tenant.</summary>
    /// <param name="tenant">The tenant asking.</param>
    /// <param name="id">The job identifier.</param>
    /// <returns>The job, or <see langword="null"/> when the tenant has no such job (another tenant's job included).</returns>
    public TrainingJobResponse? Find(string tenant, string id)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(id, out Job? job) && string.Equals(job.Tenant, tenant, StringComparison.Ordinal) ? job.State : null;
        }
    }

    /// <summary>Lists a tenant's jobs, newest first: the queued or running one and the most recent finished ones.</summary>
    /// <param name="tenant">The tenant asking.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<TrainingJobResponse> List(string tenant)
    {
        var jobs = new List<TrainingJobResponse>();
        lock (_lock)
        {
            foreach (Job job in _jobs.Values)
            {
                if (string.Equals(job.Tenant, tenant, StringComparison.Ordinal))
                {
                    jobs.Add(job.State);
                }
            }
        }

        jobs.Sort(static (x, y) => y.QueuedAt.CompareTo(x.QueuedAt));
        return jobs;
    }

    /// <summary>Marks a job running.</summary>
    /// <param name="id">The job identifier.</param>
    public void Started(string id) =>
        Update(id, state => state with { Status = TrainingJobStatus.Running, StartedAt = _time.GetUtcNow() }, finished: false);

    /// <summary>Marks a job succeeded.</summary>
    /// <param name="id">The job identifier.</param>
    /// <param name="report">What was fitted.</param>
    public void Succeeded(string id, TrainingResponse report) =>
        Update(id, state => state with { Status = TrainingJobStatus.Succeeded, FinishedAt = _time.GetUtcNow(), Report = report }, finished: true);

    /// <summary>Marks a job failed.</summary>
    /// <param name="id">The job identifier.</param>
    /// <param name="error">Why.</param>
    public void Failed(string id, TrainingJobError error) =>
        Update(id, state => state with { Status = TrainingJobStatus.Failed, FinishedAt = _time.GetUtcNow(), Error = error }, finished: true);

    private void Update(string id, Func<TrainingJobResponse, TrainingJobResponse> change, bool finished)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(id, out Job? job))
            {
                return;
            }

            job.State = change(job.State);
            if (!finished)
            {
                return;
            }

            _activeByTenant.Remove(job.Tenant);
            if (!_finishedByTenant.TryGetValue(job.Tenant, out Queue<string>? finishedIds))
            {
                _finishedByTenant[job.Tenant] = finishedIds = new Queue<string>();
            }

            finishedIds.Enqueue(id);
            while (finishedIds.Count > FinishedPerTenant)
            {
                _jobs.Remove(finishedIds.Dequeue());
            }
        }
    }

    /// <summary>A job's tenant and current state.</summary>
    private sealed class Job(string tenant, TrainingJobResponse state)
    {
        public string Tenant { get; } = tenant;

        public TrainingJobResponse State { get; set; } = state;
    }
}

/// <summary>A job waiting for the training worker.</summary>
/// <param name="Id">The job identifier.</param>
/// <param name="Tenant">The tenant to train.</param>
/// <param name="Options">How to train.</param>
internal sealed record QueuedTraining(string Id, string Tenant, TrainingOptions Options);

/// <summary>What starting a training job did.</summary>
internal enum TrainingStart
{
    /// <summary>A new job was queued.</summary>
    Started,

    /// <summary>The tenant already has a job queued or running; nothing was queued.</summary>
    AlreadyRunning,

    /// <summary>The queue is full; nothing was queued.</summary>
    QueueFull,
}
