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

    [Fact]
    public async Task Import_StatementAndObservationWithMetadataAndExpiry_KeepThemInTheLogAndOnThePreferences()
    {
        // Arrange: a statement with metadata and a time to live, an observation with metadata and an expiry time, and a
        // plain statement, for one user (so they are written as one batch)
        HttpClient client = await factory.CreateTenantClientAsync("import-metadata", Cancellation);
        string upload = string.Join('\n',
            """{"user": "ida", "kind": "statement", "text": "I strictly avoid gluten.", "at": "2030-03-02T09:00:00Z", "ttl": "P7D", "metadata": {"app": "mail", "source": "settings"}}""",
            """{"user": "ida", "kind": "observation", "turns": [{"role": "user", "content": "I never eat mushrooms, I can't stand them.", "at": "2030-03-02T10:00:00Z"}], "metadata": {"app": "chat"}, "expiresAt": "2099-01-01T00:00:00Z"}""",
            """{"user": "ida", "kind": "statement", "text": "Write my code samples in TypeScript."}""") + "\n";

        // Act
        ImportResponse done = await ImportAsync(client, upload);

        // Assert: every line written; each event keeps its line's metadata and expiry, the plain one has none
        Assert.Equal((3L, 0L, 0L), (done.Written, done.Skipped, done.Failed));
        using JsonDocument events = JsonDocument.Parse(await client.GetStringAsync("/v1/users/ida/events", Cancellation));
        JsonElement[] log = [.. events.RootElement.EnumerateArray()];
        Assert.Equal(3, log.Length);
        Assert.Equal("mail", log[0].GetProperty("metadata").GetProperty("app").GetString());
        Assert.Equal("settings", log[0].GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(DateTimeOffset.Parse("2030-03-09T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), log[0].GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("chat", log[1].GetProperty("metadata").GetProperty("app").GetString());
        Assert.Equal(DateTimeOffset.Parse("2099-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), log[1].GetProperty("expiresAt").GetDateTimeOffset());
        Assert.False(log[2].TryGetProperty("expiresAt", out _));

        // Assert: the preferences learned from them carry the same metadata and expiry
        IReadOnlyList<PreferenceContract> preferences = (await client.GetFromJsonAsync("/v1/users/ida/history", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        PreferenceContract fromSetting = Assert.Single(preferences, p => p.Metadata is { } m && m.TryGetValue("source", out string? source) && source == "settings");
        Assert.Equal("mail", fromSetting.Metadata!["app"]);
        Assert.Equal(DateTimeOffset.Parse("2030-03-09T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), fromSetting.ExpiresAt);
        PreferenceContract[] fromChat = [.. preferences.Where(static p => p.Metadata is { } m && m.TryGetValue("app", out string? app) && app == "chat")];
        Assert.NotEmpty(fromChat);
        Assert.All(fromChat, static p => Assert.Equal(DateTimeOffset.Parse("2099-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), p.ExpiresAt));
    }

    [Fact]
    public async Task Import_BadLinesAmongGoodOnesOfOneUser_AreReportedByLineNumber_AndChangeNothing()
    {
        // Arrange: one user's lines (one batch): good, expiry already past (refused by the engine, as the endpoint refuses
        // it), good, metadata key with a space, both ttl and expiresAt, good
        HttpClient client = await factory.CreateTenantClientAsync("import-bad-lines", Cancellation);
        string[] lines =
        [
            """{"user": "eli", "kind": "statement", "text": "I like my reports short."}""",
            """{"user": "eli", "kind": "statement", "text": "I drink green tea in the morning.", "expiresAt": "2001-01-01T00:00:00Z"}""",
            """{"user": "eli", "kind": "rating", "context": "Summarise the meeting.", "response": "Three bullet points.", "score": 4}""",
            """{"user": "eli", "kind": "statement", "text": "Trains beat planes for me.", "metadata": {"bad key": "x"}}""",
            """{"user": "eli", "kind": "statement", "text": "I am vegetarian.", "ttl": "P1D", "expiresAt": "2099-01-01T00:00:00Z"}""",
            """{"user": "eli", "kind": "choice", "context": "Pick a dessert.", "candidates": ["fruit salad", "cheesecake"], "chosen": 0}""",
        ];

        // Act
        ImportResponse done = await ImportAsync(client, string.Join('\n', lines) + "\n");

        // Assert: the three good lines written, the three bad ones listed by number with a reason, nothing of theirs stored
        Assert.Equal("completed", done.Status);
        Assert.Equal((3L, 0L, 3L), (done.Written, done.Skipped, done.Failed));
        Assert.Equal([2L, 4L, 5L], done.Failures.Select(static f => f.Line));
        Assert.Contains("expiry", done.Failures[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("metadata", done.Failures[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ttl", done.Failures[2].Reason, StringComparison.OrdinalIgnoreCase);
        string log = await client.GetStringAsync("/v1/users/eli/events", Cancellation);
        using JsonDocument events = JsonDocument.Parse(log);
        Assert.Equal(3, events.RootElement.GetArrayLength());
        Assert.DoesNotContain("green tea", log, StringComparison.Ordinal);
        Assert.DoesNotContain("trains", log, StringComparison.Ordinal);
        Assert.DoesNotContain("vegetarian", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ManyLinesPerUser_WrittenInBatches_AgainWritesNothingTwice()
    {
        // Arrange: 3 users × 40 lines, interleaved, cut by the default batching into one batch per user
        HttpClient client = await factory.CreateTenantClientAsync("import-batches", Cancellation);
        string upload = string.Concat(Enumerable.Range(0, 120).Select(static i =>
            $$"""{"user": "b{{i % 3}}", "kind": "rating", "context": "Question {{i}}.", "response": "Answer {{i}}.", "score": {{1 + (i % 5)}}}""" + "\n"));

        // Act
        ImportResponse first = await ImportAsync(client, upload);
        ImportResponse second = await ImportAsync(client, upload);

        // Assert: each user's 40 lines stored once, in file order; the same upload again is all skipped
        Assert.Equal((120L, 0L, 0L), (first.Written, first.Skipped, first.Failed));
        Assert.Equal((0L, 120L, 0L), (second.Written, second.Skipped, second.Failed));
        for (int u = 0; u < 3; u++)
        {
            using JsonDocument events = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/b{u}/events", Cancellation));
            string[] contexts = [.. events.RootElement.EnumerateArray().Select(static e => e.GetProperty("text").GetString()!)];
            Assert.Equal([.. Enumerable.Range(0, 120).Where(i => i % 3 == u).Select(static i => $"Question {i}.")], contexts);
        }
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
