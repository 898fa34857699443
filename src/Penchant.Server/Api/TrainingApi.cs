using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Training;

namespace Penchant.Server.Api;

/// <summary>
/// Training the key's tenant's ranking model as a background job: <c>POST /v1/train</c> queues a job and answers
/// <c>202</c> with its <c>Location</c>; <c>GET /v1/training/jobs/{jobId}</c> says where it is and, once done, what was fitted.
/// </summary>
/// <remarks>
/// Routes under <c>/v1</c>, for the key's whole tenant (see <see cref="Handlers"/>). A tenant has at most one job queued
/// or running: starting another meanwhile answers <c>409 training_in_progress</c> with the <c>Location</c> of that job,
/// so a second request's options are never silently dropped. Another tenant's job is <c>404</c>, like one that does not exist.
/// </remarks>
public static class TrainingApi
{
    /// <summary>The route prefix of a job's status resource (the job identifier follows).</summary>
    public const string JobsRoute = "/v1/training/jobs/";

    /// <summary>Maps the training routes under <c>/v1</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTrainingApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder tenant = endpoints.MapTenantGroup();

        tenant.MapPost("/train", StartTraining).WithName("Train")
            .WithSummary("Start refitting the key's tenant's ranking model from its users' comparisons, ratings and choices")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tenant.MapGet("/training/jobs", ListTrainingJobs).WithName("ListTrainingJobs")
            .WithSummary("List the key's tenant's recent training jobs, newest first");
        tenant.MapGet("/training/jobs/{jobId}", GetTrainingJob).WithName("GetTrainingJob")
            .WithSummary("Get a training job of the key's tenant: its status, and its report or error once finished")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    /// <summary>Starts refitting the key's tenant's ranking model from its users' comparisons, ratings and choices (the tenant comes from the key only) as a background job.</summary>
    /// <param name="request">How to train; the defaults when the body is absent.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="jobs">The training jobs.</param>
    /// <param name="httpContext">The request.</param>
    /// <returns>202 with the queued job and its <c>Location</c>, or a problem (409 while the tenant's previous job is queued or running).</returns>
    internal static Results<Accepted<TrainingJobResponse>, ProblemHttpResult> StartTraining(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TrainRequest? request,
        ClaimsPrincipal principal,
        [FromServices] TrainingJobs jobs,
        HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(httpContext);
        string tenant = Handlers.Tenant(principal);
        (TrainingStart outcome, TrainingJobResponse? job) = jobs.Start(tenant, Options(request));
        switch (outcome)
        {
            case TrainingStart.Started:
                return TypedResults.Accepted(JobsRoute + job!.Id, job);
            case TrainingStart.AlreadyRunning:
                httpContext.Response.Headers.Location = JobsRoute + job!.Id;
                return ApiProblems.Problem(
                    StatusCodes.Status409Conflict,
                    ApiProblems.TrainingInProgress,
                    "Training in progress",
                    $"The tenant's training job {job.Id} is {(job.Status == TrainingJobStatus.Queued ? "queued" : "running")}; poll its Location and start again once it has finished.");
            default:
                httpContext.Response.Headers.RetryAfter = "5";
                return ApiProblems.Problem(
                    StatusCodes.Status503ServiceUnavailable,
                    ApiProblems.TrainingQueueFull,
                    "Training queue full",
                    "Too many tenants are waiting for training; retry after the Retry-After delay.");
        }
    }

    /// <summary>Lists the key's tenant's training jobs, newest first: the queued or running one and the most recent finished ones.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="jobs">The training jobs.</param>
    /// <returns>The jobs (empty when the tenant has none).</returns>
    internal static Ok<IReadOnlyList<TrainingJobResponse>> ListTrainingJobs(ClaimsPrincipal principal, [FromServices] TrainingJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return TypedResults.Ok(jobs.List(Handlers.Tenant(principal)));
    }

    /// <summary>Gets a training job of the key's tenant (another tenant's job is not found).</summary>
    /// <param name="jobId">The job, as the <c>Location</c> of <c>POST /v1/train</c> names it.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="jobs">The training jobs.</param>
    /// <returns>The job, or a problem (404 when the key's tenant has no such job).</returns>
    internal static Results<Ok<TrainingJobResponse>, ProblemHttpResult> GetTrainingJob(
        string jobId, ClaimsPrincipal principal, [FromServices] TrainingJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        TrainingJobResponse? job = jobs.Find(Handlers.Tenant(principal), jobId);
        return job is null
            ? ApiProblems.From(new NotFoundException("The key's tenant has no such training job."))
            : TypedResults.Ok(job);
    }

    /// <summary>Validates a training request and fills in the defaults.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    private static TrainingOptions Options(TrainRequest? request)
    {
        var defaults = new TrainingOptions();
        return new TrainingOptions
        {
            Prototypes = InRange(request?.Prototypes ?? defaults.Prototypes, 0, 64, "prototypes"),
            SkewRank = InRange(request?.SkewRank ?? defaults.SkewRank, 0, 32, "skewRank"),
            Epochs = InRange(request?.Epochs ?? defaults.Epochs, 1, 1000, "epochs"),
            Seed = request?.Seed ?? defaults.Seed,
        };
    }

    private static int InRange(int value, int minimum, int maximum, string field) =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException($"'{field}' ({value}) must be between {minimum} and {maximum}.", field);
}
