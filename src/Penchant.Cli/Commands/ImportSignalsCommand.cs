using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant import-signals FILE --url URL --api-key KEY</c>: uploads JSON Lines of many users' signals to a running
/// service (<c>POST /v1/imports</c>), follows the import with a progress bar, and resumes an interrupted one: the import's
/// identifier is kept in a state file beside the upload (<c>FILE.import-state</c>), so running the command again follows
/// the same import, or uploads again when the service lost it (each line is written at most once either way).
/// </summary>
internal sealed class ImportSignalsCommand : CliCommand
{
    private readonly Argument<string> _file = new("file") { Description = "JSON Lines, one signal per line: {\"user\": …, \"kind\": \"statement\", \"text\": …}" };
    private readonly Option<string> _url = new("--url")
    {
        Description = "The service's base URL (default: $PENCHANT_URL, else http://localhost:5000)",
        DefaultValueFactory = static _ => Environment.GetEnvironmentVariable("PENCHANT_URL") is { Length: > 0 } url ? url : "http://localhost:5000",
    };

    private readonly Option<string?> _apiKey = new("--api-key") { Description = "The API key (default: $PENCHANT_API_KEY)" };
    private readonly Option<TimeSpan> _wait = new("--wait")
    {
        Description = "How long to keep retrying while the service cannot be reached (hh:mm:ss)",
        DefaultValueFactory = static _ => TimeSpan.FromMinutes(10),
    };

    public ImportSignalsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("import-signals", "Bulk-import many users' signals into a running service, with progress; run again to resume", globals, environment)
    {
        Arguments.Add(_file);
        Options.Add(_url);
        Options.Add(_apiKey);
        Options.Add(_wait);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_file)!;
        string apiKey = context.ParseResult.GetValue(_apiKey) ?? Environment.GetEnvironmentVariable("PENCHANT_API_KEY")
            ?? throw new CliInputException("No API key: pass --api-key or set PENCHANT_API_KEY.");
        if (!Uri.TryCreate(context.ParseResult.GetValue(_url), UriKind.Absolute, out Uri? baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliInputException("--url must be an absolute http or https URL.");
        }

        TimeSpan wait = context.ParseResult.GetValue(_wait);
        (string hash, long lines) = await DescribeAsync(file, cancellationToken);
        string statePath = file + ".import-state";
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var clock = Stopwatch.StartNew();
        string? importId = ReadState(statePath, hash, baseUrl);
        bool resumed = importId is not null;
        using ProgressBar? bar = ProgressBar.Create(context.Environment, (int)Math.Min(int.MaxValue, lines), "import");
        ImportResponse progress;
        while (true)
        {
            if (importId is null)
            {
                importId = await UploadAsync(http, file, wait, cancellationToken);
                await WriteStateAsync(statePath, baseUrl, hash, importId, cancellationToken);
            }

            ImportResponse? followed = await FollowAsync(http, importId, bar, wait, cancellationToken);
            if (followed is { } done)
            {
                progress = done;
                break;
            }

            // The service no longer knows the import (its folder was lost): upload again; lines already written are skipped.
            importId = null;
        }

        File.Delete(statePath);
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (ImportFailureContract failure in progress.Failures.Take(20))
        {
            await context.Environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {failure.Line}: {failure.Reason}"));
        }

        await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"import: id={importId} status={progress.Status} lines={progress.LinesRead} written={progress.Written} skipped={progress.Skipped} failed={progress.Failed} resumed={resumed.ToString().ToLowerInvariant()} seconds={seconds:F1} lines_per_second={progress.LinesRead / Math.Max(seconds, 0.001):F1}"));
        return progress.Failed > 0 || progress.Status != "completed" ? ExitCodes.UserError : ExitCodes.Success;
    }

    private static async Task<(string Hash, long Lines)> DescribeAsync(string file, CancellationToken cancellationToken)
    {
        await using FileStream stream = InputFiles.OpenRead(file);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        byte last = (byte)'\n';
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), last == (byte)'\n' ? lines : lines + 1);
    }

    private static async Task WriteStateAsync(string path, Uri baseUrl, string hash, string importId, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("url", baseUrl.ToString());
        writer.WriteString("sha256", hash);
        writer.WriteString("importId", importId);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static string? ReadState(string path, string hash, Uri baseUrl)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument state = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = state.RootElement;
            return root.GetProperty("sha256").GetString() == hash && root.GetProperty("url").GetString() == baseUrl.ToString()
                ? root.GetProperty("importId").GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static async Task<string> UploadAsync(HttpClient http, string file, TimeSpan wait, CancellationToken cancellationToken)
    {
        DateTimeOffset giveUp = TimeProvider.System.GetUtcNow() + wait;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using FileStream stream = InputFiles.OpenRead(file);
                using var content = new StreamContent(stream, 1 << 16);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using HttpResponseMessage response = await http.PostAsync("v1/imports", content, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (JsonSerializer.Deserialize(body, CliJson.Contract.ImportResponse) ?? throw new CliInputException("the service accepted the upload without saying which import it started.")).Id;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new CliInputException($"the service refused the upload ({(int)response.StatusCode}): {Detail(body)}");
                }
            }
            catch (HttpRequestException) when (TimeProvider.System.GetUtcNow() < giveUp)
            {
            }

            if (TimeProvider.System.GetUtcNow() >= giveUp)
            {
                throw new CliInputException($"the service at {http.BaseAddress} could not take the upload within {wait}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 250 * attempt)), cancellationToken);
        }
    }

    /// <summary>Polls the import until it completes; <see langword="null"/> when the service does not know it.</summary>
    private static async Task<ImportResponse?> FollowAsync(HttpClient http, string importId, ProgressBar? bar, TimeSpan wait, CancellationToken cancellationToken)
    {
        DateTimeOffset giveUp = TimeProvider.System.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await http.GetAsync($"v1/imports/{importId}", cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                if (response.IsSuccessStatusCode)
                {
                    giveUp = TimeProvider.System.GetUtcNow() + wait;
                    ImportResponse progress = await response.Content.ReadFromJsonAsync(CliJson.Contract.ImportResponse, cancellationToken)
                        ?? throw new CliInputException("the service answered the import's progress with an empty body.");
                    bar?.Report((int)Math.Min(int.MaxValue, progress.LinesRead));
                    if (progress.Status is "completed" or "failed")
                    {
                        return progress;
                    }
                }
                else if ((int)response.StatusCode < 500)
                {
                    throw new CliInputException($"the service refused to report the import ({(int)response.StatusCode}): {Detail(await response.Content.ReadAsStringAsync(cancellationToken))}");
                }
            }
            catch (HttpRequestException) when (TimeProvider.System.GetUtcNow() < giveUp)
            {
                // The service is restarting: it resumes the import; keep asking.
            }

            if (TimeProvider.System.GetUtcNow() >= giveUp)
            {
                throw new CliInputException($"the service at {http.BaseAddress} did not answer within {wait}; run the command again to resume.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static string Detail(string body)
    {
        try
        {
            using JsonDocument problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out JsonElement detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
