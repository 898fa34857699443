using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Penchant.Cli;
using Penchant.Cli.Infrastructure;
using Penchant.Server.Imports;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>
/// <c>penchant import-signals</c> against the service on real Kestrel (loopback): the progress bar, and resuming an
/// interrupted import from the state file beside the upload, or uploading again when the service no longer knows it.
/// </summary>
public sealed class ImportSignalsCommandTests : IAsyncLifetime
{
    private const int Users = 3;
    private const int LinesPerUser = 30;
    private readonly string _directory = Directory.CreateTempSubdirectory("penchant-import-cli-").FullName;
    private SharedDatabaseServerFactory? _server;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // One line per write, one user at a time: the import takes long enough (90 writes) that the command can be
        // interrupted while it follows it, however fast the machine (batched, it completes in a tenth of a second).
        _server = new SharedDatabaseServerFactory(Path.Combine(_directory, "penchant.db"), checkCachedStateOnRead: true,
        [
            new($"{ImportOptions.Section}:{nameof(ImportOptions.BatchSize)}", "1"),
            new($"{ImportOptions.Section}:{nameof(ImportOptions.Parallelism)}", "1"),
        ]);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ImportSignals_InterruptedWhileFollowing_ResumesTheSameImport_AndALostImportIsUploadedAgainWithoutDuplicates()
    {
        // Arrange: the service on loopback, a key, and an upload of 3 users × 30 ratings
        SharedDatabaseServerFactory server = _server!;
        await server.WaitUntilReadyAsync(Cancellation);
        await server.Keys.CreateTenantAsync("cli-import", Cancellation);
        CreatedApiKey key = await server.Keys.CreateKeyAsync("cli-import", Cancellation);
        using HttpClient client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        string url = client.BaseAddress!.ToString();
        string file = Path.Combine(_directory, "signals.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, Users * LinesPerUser).Select(static i =>
            $$"""{"user": "c{{i % Users}}", "kind": "rating", "context": "Question {{i}}.", "response": "Answer {{i}}.", "score": {{1 + (i % 5)}}}"""), Cancellation);
        string statePath = file + ".import-state";
        string[] args = ["import-signals", file, "--url", url, "--api-key", key.Key];

        // Act 1: run the command and interrupt it as soon as it has saved the import's id (it is following the import)
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        Task<CliResult> first = RunAsync(args, interrupt.Token);
        string? importId = await WaitForStateAsync(statePath, () => first.IsCompleted);
        Assert.True(importId is not null, $"The command ended before it saved its state: {(first.IsCompleted ? await first : null)}");
        await interrupt.CancelAsync();
        try
        {
            await first;
        }
        catch (OperationCanceledException)
        {
        }

        // Assert 1: the state file survives the interruption
        Assert.True(File.Exists(statePath));

        // Act 2: run it again
        CliResult resumed = await RunAsync(args, Cancellation);

        // Assert 2: it followed the same import to the end, drew the progress bar, and left no state behind
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"id={importId} ", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("resumed=true", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("status=completed", resumed.Output, StringComparison.Ordinal);
        Assert.Contains($"written={Users * LinesPerUser} skipped=0 failed=0", resumed.Output, StringComparison.Ordinal);
        Assert.Contains($"import [", resumed.Error, StringComparison.Ordinal);
        Assert.Contains($"{Users * LinesPerUser}/{Users * LinesPerUser}", resumed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(statePath));
        Assert.Equal(Users * LinesPerUser, await CountEventsAsync(client));

        // Act 3: a state file naming an import the service does not know (its imports folder was lost)
        await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = url,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, Cancellation))),
            ["importId"] = "imp_" + new string('0', 24),
        }), Cancellation);
        CliResult again = await RunAsync(args, Cancellation);

        // Assert 3: it uploaded again as a new import, whose every line was skipped as already imported
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain($"id={importId} ", again.Output, StringComparison.Ordinal);
        Assert.Contains($"written=0 skipped={Users * LinesPerUser} failed=0", again.Output, StringComparison.Ordinal);
        Assert.Equal(Users * LinesPerUser, await CountEventsAsync(client));
    }

    private static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(string.Empty);
        var environment = new CliEnvironment(output, error, input, ErrorIsTerminal: true);
        int exitCode = await PenchantCommandLine.InvokeAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Waits until the command has written a complete state file, and returns the import's id from it (<see langword="null"/> when the command ended first).</summary>
    private static async Task<string?> WaitForStateAsync(string statePath, Func<bool> ended)
    {
        for (int attempt = 0; attempt < 6_000; attempt++)
        {
            if (ended())
            {
                return null;
            }

            try
            {
                using JsonDocument state = JsonDocument.Parse(await File.ReadAllBytesAsync(statePath, Cancellation));
                if (state.RootElement.TryGetProperty("importId", out JsonElement id) && id.GetString() is { Length: > 0 } importId)
                {
                    return importId;
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
            }

            await Task.Delay(10, Cancellation);
        }

        throw new InvalidOperationException("The command did not save its state within a minute.");
    }

    private static async Task<int> CountEventsAsync(HttpClient client)
    {
        int count = 0;
        for (int u = 0; u < Users; u++)
        {
            using JsonDocument events = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/c{u}/events", Cancellation));
            count += events.RootElement.GetArrayLength();
        }

        return count;
    }

    /// <summary>What a <c>penchant</c> invocation returned and printed.</summary>
    private sealed record CliResult(int ExitCode, string Output, string Error);
}
