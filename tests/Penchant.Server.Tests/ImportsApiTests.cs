using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Penchant.Server.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Server.Imports;

namespace Penchant.Server;

/// <summary><c>POST /v1/imports</c> and <c>GET /v1/imports/{id}</c>: a background job, per-line idempotency, line-numbered failures, resumption.</summary>
public sealed class ImportsApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly string[] Lines =
    [
        """{"user": "kai", "kind": "statement", "text": "I never eat mushrooms, I can't stand them."}""",
        """{"user": "kai", "kind": "rating", "context": "Summarise the meeting.", "response": "Three bullet points.", "score": 5}""",
        """{"user": "noor", "kind": "comparison", "context": "Explain a mortgage.", "preferred": "A short answer.", "rejected": "A long essay.", "key": "noor-cmp-1"}""",
        "",
        """{"user": "noor", "kind": "telepathy", "text": "I like tea"}""",
        """{"user": "kai", "kind": "statement", "text": """,
        """{"user": "noor", "kind": "choice", "context": "Pick a dessert.", "candidates": ["fruit salad", "cheesecake"], "chosen": 0}""",
        """{"user": "kai", "kind": "statement", "text": "I cycle to the office every morning.", "mood": "sunny"}""",
        """{"user": "pia", "kind": "observation", "turns": [{"role": "user", "content": "Please keep answers under five sentences."}]}""",
    ];

    [Fact]
    public async Task Import_MixedLines_WritesTheGoodOnesAndListsTheBadOnesByLine_AndAgainWritesNothingTwice()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("import-mixed", Cancellation);
        string upload = string.Join('\n', Lines) + "\n";

        // Act
        ImportResponse first = await ImportAsync(client, upload);

        // Assert: 6 signals written, the blank line read but not counted, 3 failures with their line numbers
        Assert.Equal("completed", first.Status);
        Assert.Equal(9, first.TotalLines);
        Assert.Equal(9, first.LinesRead);
        Assert.Equal(5, first.Written);
        Assert.Equal(0, first.Skipped);
        Assert.Equal(3, first.Failed);
        Assert.Equal([5L, 6L, 8L], first.Failures.Select(static f => f.Line));
        Assert.Contains("kind", first.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("mood", first.Failures[2].Reason, StringComparison.Ordinal);
        Assert.All(first.Failures, f => Assert.DoesNotContain("Penchant.", f.Reason, StringComparison.Ordinal));
        Assert.NotNull(first.CompletedAt);
        int kai = await CountEventsAsync(client, "kai");
        int noor = await CountEventsAsync(client, "noor");
        int pia = await CountEventsAsync(client, "pia");
        Assert.Equal((2, 2, 1), (kai, noor, pia));

        // Act: the same upload again
        ImportResponse second = await ImportAsync(client, upload);

        // Assert: every good line is skipped as already imported; the logs are unchanged
        Assert.Equal((0L, 5L, 3L), (second.Written, second.Skipped, second.Failed));
        Assert.Equal((kai, noor, pia), (await CountEventsAsync(client, "kai"), await CountEventsAsync(client, "noor"), await CountEventsAsync(client, "pia")));
    }

    [Fact]
    public async Task Import_InterruptedAfterACheckpoint_ResumesOnRestart_WithoutDuplicates()
    {
        // Arrange: an import that ran to line 3 of 7 when the service stopped (as its state file says), on a database that
        // already holds what those lines and two more wrote before the stop
        string directory = Path.Combine(Path.GetTempPath(), "penchant-import-resume-" + Guid.NewGuid().ToString("N"));
        string database = Path.Combine(directory, "penchant.db");
        string[] lines = [.. Enumerable.Range(1, 7).Select(static i => $$"""{"user": "u{{i % 3}}", "kind": "rating", "context": "Answer {{i}}.", "response": "Reply {{i}}.", "score": {{1 + (i % 5)}}}""")];
        string upload = string.Join('\n', lines) + "\n";
        string importId;
        int before;
        using (var first = new FixedDatabaseServerFactory(database))
        {
            HttpClient client = await first.CreateTenantClientAsync("import-resume", Cancellation);
            ImportResponse done = await ImportAsync(client, upload);
            Assert.Equal(7, done.Written);
            importId = done.Id;
            before = await CountAllEventsAsync(client);

            // Rewind its saved state to "running, checkpoint 3": lines 4 to 7 were written but not yet checkpointed
            string folder = first.Services.GetRequiredService<ImportJobs>().Folder("import-resume", importId);
            ImportState state = (await ImportJobs.LoadAsync(folder, Cancellation))!;
            await ImportJobs.SaveAsync(folder, state with { Checkpoint = 3, Progress = state.Progress with { Status = "running", LinesRead = 3, Written = 3, CompletedAt = null } }, Cancellation);
        }

        // Act: the service starts again on the same database and imports folder
        using var second = new FixedDatabaseServerFactory(database);
        HttpClient again = await second.CreateTenantClientAsync("import-resume", Cancellation);
        ImportResponse resumed = await WaitAsync(again, importId);

        // Assert: the import completed from line 4 on; the lines already written were skipped, nothing written twice
        Assert.Equal("completed", resumed.Status);
        Assert.Equal(7, resumed.LinesRead);
        Assert.Equal((3L, 4L, 0L), (resumed.Written, resumed.Skipped, resumed.Failed));
        Assert.Equal(before, await CountAllEventsAsync(again));
        Assert.Equal(7, before);
    }

    private static async Task<ImportResponse> ImportAsync(HttpClient client, string upload)
    {
        using var content = new StringContent(upload, Encoding.UTF8, "application/x-ndjson");
        HttpResponseMessage response = await client.PostAsync("/v1/imports", content, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        ImportResponse accepted = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.ImportResponse, Cancellation))!;
        Assert.Equal($"/v1/imports/{accepted.Id}", response.Headers.Location?.OriginalString);
        return await WaitAsync(client, accepted.Id);
    }

    private static async Task<ImportResponse> WaitAsync(HttpClient client, string id)
    {
        ImportResponse progress;
        int polls = 0;
        do
        {
            await Task.Delay(100, Cancellation);
            progress = (await client.GetFromJsonAsync($"/v1/imports/{id}", PenchantJsonContext.Default.ImportResponse, Cancellation))!;
        }
        while (progress.Status is "queued" or "running" && ++polls < 1_200);

        return progress;
    }

    private static async Task<int> CountEventsAsync(HttpClient client, string user)
    {
        using JsonDocument events = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/{user}/events", Cancellation));
        return events.RootElement.GetArrayLength();
    }

    private static async Task<int> CountAllEventsAsync(HttpClient client) =>
        await CountEventsAsync(client, "u0") + await CountEventsAsync(client, "u1") + await CountEventsAsync(client, "u2");

    /// <summary>The service on a given SQLite file (so a second instance finds the first one's database and imports folder).</summary>
    private sealed class FixedDatabaseServerFactory(string database) : PenchantServerFactory(database);
}
