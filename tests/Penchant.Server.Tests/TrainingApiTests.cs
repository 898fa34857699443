using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Penchant.Server.Contracts;
using Penchant.Server.Training;

namespace Penchant.Server;

/// <summary>Training as a background job: <c>POST /v1/train</c> answers 202 and a Location; the job resource reports the fit.</summary>
public sealed class TrainingApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Train_WithComparisons_Returns202_AndTheJobSucceedsWithAReport()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("train-job-" + Guid.NewGuid().ToString("N")[..8], Cancellation);
        await CompareShortOverLongAsync(client, "alice", 8);

        // Act
        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/train", new TrainRequest(Prototypes: 2, Seed: 3), Cancellation);

        // Assert: accepted, queued with the defaults filled in, and a Location that reaches the finished job
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        TrainingJobResponse accepted = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.TrainingJobResponse, Cancellation))!;
        Assert.Equal(TrainingJobStatus.Queued, accepted.Status);
        Assert.Equal(new TrainRequest(2, 0, 20, 3), accepted.Options);
        Assert.Equal("/v1/training/jobs/" + accepted.Id, response.Headers.Location?.OriginalString);
        TrainingJobResponse job = await WaitUntilFinishedAsync(client, response.Headers.Location!.OriginalString, Cancellation);
        Assert.Equal(TrainingJobStatus.Succeeded, job.Status);
        Assert.Null(job.Error);
        Assert.Equal(1, job.Report!.Users);
        Assert.Equal(8, job.Report.Comparisons);
        Assert.Equal(1, job.Report.ModelVersion);
        Assert.InRange(job.Report.TrainingAccuracy, 0.0, 1.0);
        Assert.True(job.QueuedAt <= job.StartedAt && job.StartedAt <= job.FinishedAt);
        using JsonDocument raw = JsonDocument.Parse(await client.GetStringAsync(response.Headers.Location, Cancellation));
        Assert.Equal("succeeded", raw.RootElement.GetProperty("status").GetString());
        IReadOnlyList<TrainingJobResponse> listed = (await client.GetFromJsonAsync("/v1/training/jobs", PenchantJsonContext.Default.IReadOnlyListTrainingJobResponse, Cancellation))!;
        Assert.Equal(job.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task GetTrainingJob_OtherTenantsJob_Returns404LikeAnUnknownJob()
    {
        // Arrange: tenant A starts a job
        HttpClient a = await factory.CreateTenantClientAsync("train-tenant-a", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("train-tenant-b", Cancellation);
        HttpResponseMessage started = await a.PostAsync("/v1/train", null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Uri location = started.Headers.Location!;

        // Act
        HttpResponseMessage byB = await b.GetAsync(location, Cancellation);
        HttpResponseMessage unknown = await b.GetAsync("/v1/training/jobs/tj_000000000000000000000000", Cancellation);

        // Assert: B gets the same 404 for A's job as for one that does not exist, and lists nothing; A still sees its job
        Assert.Equal(HttpStatusCode.NotFound, byB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await ProblemAsync(unknown), await ProblemAsync(byB));
        Assert.Equal("[]", await b.GetStringAsync("/v1/training/jobs", Cancellation));
        Assert.Equal(TrainingJobStatus.Succeeded, (await WaitUntilFinishedAsync(a, location.OriginalString, Cancellation)).Status);
    }

    [Fact]
    public async Task Train_InvalidOptions_Returns400_AndQueuesNoJob()
    {
        HttpClient client = await factory.CreateTenantClientAsync("train-bad-" + Guid.NewGuid().ToString("N")[..8], Cancellation);

        HttpResponseMessage epochs = await client.PostAsJsonAsync("/v1/train", new TrainRequest(Epochs: 0), Cancellation);
        HttpResponseMessage prototypes = await client.PostAsJsonAsync("/v1/train", new TrainRequest(Prototypes: 65), Cancellation);

        foreach (HttpResponseMessage response in new[] { epochs, prototypes })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.Location);
            using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(ApiProblems.InvalidArgument, problem.RootElement.GetProperty("errorCode").GetString());
        }

        Assert.Equal("[]", await client.GetStringAsync("/v1/training/jobs", Cancellation));
    }

    [Fact]
    public async Task Train_WhileTheTenantsJobIsQueued_Returns409WithItsLocation()
    {
        // Arrange: a service whose training worker never runs, so the first job stays queued
        await using var idle = new IdleTrainingServerFactory();
        HttpClient a = await idle.CreateTenantClientAsync("queued-a", Cancellation);
        HttpClient b = await idle.CreateTenantClientAsync("queued-b", Cancellation);
        HttpResponseMessage first = await a.PostAsync("/v1/train", null, Cancellation);

        // Act
        HttpResponseMessage second = await a.PostAsJsonAsync("/v1/train", new TrainRequest(Seed: 9), Cancellation);
        HttpResponseMessage otherTenant = await b.PostAsync("/v1/train", null, Cancellation);

        // Assert: the second start is refused with the first job's Location; another tenant is not held up
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        using JsonDocument problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.TrainingInProgress, problem.RootElement.GetProperty("errorCode").GetString());
        TrainingJobResponse queued = (await a.GetFromJsonAsync(first.Headers.Location, PenchantJsonContext.Default.TrainingJobResponse, Cancellation))!;
        Assert.Equal(TrainingJobStatus.Queued, queued.Status);
        Assert.Equal(17, queued.Options.Seed);
        Assert.Null(queued.StartedAt);
        Assert.Equal(HttpStatusCode.Accepted, otherTenant.StatusCode);
    }

    /// <summary>Starts training (the body is optional) and waits until the job has finished.</summary>
    internal static async Task<TrainingJobResponse> TrainAndWaitAsync(HttpClient client, TrainRequest? request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = request is null
            ? await client.PostAsync("/v1/train", null, cancellationToken)
            : await client.PostAsJsonAsync("/v1/train", request, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await WaitUntilFinishedAsync(client, response.Headers.Location!.OriginalString, cancellationToken);
    }

    private static async Task<TrainingJobResponse> WaitUntilFinishedAsync(HttpClient client, string location, CancellationToken cancellationToken)
    {
        // Two shared cores can make a small fit take seconds; give it two minutes.
        for (int attempt = 0; attempt < 1200; attempt++)
        {
            TrainingJobResponse job = (await client.GetFromJsonAsync(location, PenchantJsonContext.Default.TrainingJobResponse, cancellationToken))!;
            if (job.Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed)
            {
                return job;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"The training job {location} did not finish within two minutes.");
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return $"{problem.RootElement.GetProperty("title").GetString()}|{problem.RootElement.GetProperty("detail").GetString()}|{problem.RootElement.GetProperty("errorCode").GetString()}";
    }

    private static async Task CompareShortOverLongAsync(HttpClient client, string user, int count)
    {
        for (int i = 0; i < count; i++)
        {
            HttpResponseMessage response = await client.PostAsJsonAsync(
                $"/v1/users/{user}/comparisons",
                new CompareRequest($"Does option {i} work?", $"Yes, {i} works.", $"Yes, option {i} works well in most situations, because it balances cost, effort and reliability, and it is easy to undo later."),
                Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The service without its training worker: jobs are accepted and stay queued.</summary>
    private sealed class IdleTrainingServerFactory : PenchantServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(static services =>
            {
                ServiceDescriptor worker = services.Single(static d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TrainingWorker));
                services.Remove(worker);
            });
        }
    }
}
