using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Api;
using Penchant.Storage;

namespace Penchant.Server.Imports;

/// <summary>
/// Runs bulk imports one at a time: reads the upload line by line, writes each line's signal through the engine under the
/// line's idempotency key (users in parallel, each user's lines in order), and saves progress at a checkpoint every
/// <see cref="ImportOptions.CheckpointInterval"/>. At start it resumes the imports a previous run left unfinished.
/// </summary>
/// <remarks>
/// A line is never written twice: its key makes a rewrite a replay, counted as skipped. When the database is away, the line
/// waits and is tried again; only bad lines fail. Line contents never reach the logs.
/// </remarks>
internal sealed partial class ImportWorker(
    ImportJobs jobs,
    IPenchant engine,
    IOptions<ImportOptions> options,
    IOptions<PenchantOptions> penchant,
    IOptions<ServiceOptions> service,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly ImportOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await jobs.ResumeUnfinishedAsync(stoppingToken);
            await foreach ((string tenantId, string id) in jobs.Queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(tenantId, id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(string tenantId, string id, CancellationToken stoppingToken)
    {
        string folder = jobs.Folder(tenantId, id);
        ImportState? state = await ImportJobs.LoadAsync(folder, stoppingToken);
        if (state is null || state.Progress.Status is "completed" or "failed")
        {
            return;
        }

        var run = new ImportRun(state);
        jobs.Started(run);
        LogStarted(logger, id, state.Checkpoint);
        using var checkpoints = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task saving = SaveRegularlyAsync(folder, run, checkpoints.Token);
        try
        {
            await WriteLinesAsync(Path.Combine(folder, ImportJobs.UploadFile), run, stoppingToken);
            await checkpoints.CancelAsync();
            await saving;
            ImportState final = run.State("completed", time.GetUtcNow());
            await ImportJobs.SaveAsync(folder, final, CancellationToken.None);
            LogCompleted(logger, id, final.Progress.Written, final.Progress.Skipped, final.Progress.Failed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: save where the import stands; the next start resumes it.
            await checkpoints.CancelAsync();
            await saving;
            await ImportJobs.SaveAsync(folder, run.State("queued"), CancellationToken.None);
            throw;
        }
        catch (IOException ex)
        {
            await checkpoints.CancelAsync();
            await saving;
            LogUploadUnreadable(logger, id, ex);
            await ImportJobs.SaveAsync(folder, run.State("failed", time.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            jobs.Stopped(run);
        }
    }

    private async Task SaveRegularlyAsync(string folder, ImportRun run, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.CheckpointInterval, time, cancellationToken);
                await ImportJobs.SaveAsync(folder, run.State(), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteLinesAsync(string upload, ImportRun run, CancellationToken cancellationToken)
    {
        int parallelism = _options.Parallelism;
        var lanes = new Channel<(long Number, byte[] Line)>[parallelism];
        var workers = new Task[parallelism];
        var limits = new RequestLimits(penchant.Value.MaxTextLength, service.Value.MaxTurnsPerRequest);
        JsonSerializerOptions serializer = json.Value.SerializerOptions;
        for (int i = 0; i < parallelism; i++)
        {
            lanes[i] = Channel.CreateBounded<(long, byte[])>(64);
            ChannelReader<(long, byte[])> lane = lanes[i].Reader;
            workers[i] = Task.Run(() => WriteLaneAsync(lane, run, limits, serializer, cancellationToken), cancellationToken);
        }

        try
        {
            long skipTo = run.Checkpoint;
            long number = 0;
            await foreach (byte[] line in ReadLinesAsync(upload, cancellationToken))
            {
                number++;
                if (number <= skipTo)
                {
                    continue;
                }

                if (line.AsSpan().IndexOfAnyExcept(" \t\r"u8) < 0)
                {
                    run.Complete(number, ImportRun.Outcome.Blank);
                    continue;
                }

                // Lines of one user go to one lane, so they are written in the order of the file.
                await lanes[Lane(line, parallelism)].Writer.WriteAsync((number, line), cancellationToken);
            }
        }
        finally
        {
            foreach (Channel<(long, byte[])> lane in lanes)
            {
                lane.Writer.TryComplete();
            }

            await Task.WhenAll(workers);
        }
    }

    private async Task WriteLaneAsync(ChannelReader<(long Number, byte[] Line)> lane, ImportRun run, RequestLimits limits, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        await foreach ((long number, byte[] bytes) in lane.ReadAllAsync(cancellationToken))
        {
            ImportLine line;
            try
            {
                line = ImportLine.Parse(run.TenantId, number, bytes, limits, serializer);
            }
            catch (ArgumentException ex)
            {
                run.Complete(number, ImportRun.Outcome.Failed, ApiProblems.MessageOf(ex));
                continue;
            }

            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    WriteResult result = await engine.RecordAsync(line.User, [line.Signal], line.Key, cancellationToken);
                    run.Complete(number, result.Replayed ? ImportRun.Outcome.Skipped : ImportRun.Outcome.Written);
                    break;
                }
                catch (IdempotencyKeyReusedException)
                {
                    run.Complete(number, ImportRun.Outcome.Failed, "The line's key was already used for a different signal of this user.");
                    break;
                }
                catch (ArgumentException ex)
                {
                    run.Complete(number, ImportRun.Outcome.Failed, ApiProblems.MessageOf(ex));
                    break;
                }
                catch (Exception ex) when (ex is StoreUnavailableException or ConcurrencyException && !cancellationToken.IsCancellationRequested)
                {
                    // The database is away or a concurrent write won: wait and write the same line again (its key keeps it single).
                    LogRetrying(logger, number, attempt, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(attempt, 6)))), time, cancellationToken);
                }
            }
        }
    }

    /// <summary>Picks a line's lane from its user: the <c>"user"</c> value hashed (a line without one goes to lane 0 and fails there).</summary>
    private static int Lane(byte[] line, int lanes)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isUser = reader.ValueTextEquals("user"u8);
                    reader.Read();
                    if (isUser && reader.TokenType == JsonTokenType.String)
                    {
                        return (int)((uint)string.GetHashCode(reader.GetString(), StringComparison.Ordinal) % (uint)lanes);
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }

        return 0;
    }

    private static async IAsyncEnumerable<byte[]> ReadLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        byte[] buffer = new byte[1 << 16];
        var pending = new List<byte>();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    pending.AddRange(buffer.AsSpan(start, i - start));
                    yield return [.. pending];
                    pending.Clear();
                    start = i + 1;
                }
            }

            pending.AddRange(buffer.AsSpan(start, read - start));
        }

        if (pending.Count > 0)
        {
            yield return [.. pending];
        }
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Import {ImportId} started after line {Checkpoint}.")]
    private static partial void LogStarted(ILogger logger, string importId, long checkpoint);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Import {ImportId} completed: {Written} written, {Skipped} skipped, {Failed} failed.")]
    private static partial void LogCompleted(ILogger logger, string importId, long written, long skipped, long failed);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Import line {Line} could not be written (attempt {Attempt}); retrying.")]
    private static partial void LogRetrying(ILogger logger, long line, int attempt, Exception exception);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Error, Message = "The upload of import {ImportId} cannot be read; the import is marked failed.")]
    private static partial void LogUploadUnreadable(ILogger logger, string importId, Exception exception);
}
