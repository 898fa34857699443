using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Api;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Server.Imports;

/// <summary>
/// Runs bulk imports one at a time: reads the upload in windows of lines, groups each window's lines by user into batches
/// (<see cref="ImportBatch"/>), and writes each batch through the engine as one write under the batch's idempotency key
/// (users in parallel, each user's batches in file order); saves progress at a checkpoint every
/// <see cref="ImportOptions.CheckpointInterval"/>. At start it resumes the imports a previous run left unfinished.
/// </summary>
/// <remarks>
/// A line is never written twice: a line counts as done only once its batch is committed, the checkpoint never passes a
/// line that is not done, and a resumed import cuts the same batches with the same keys, so a batch committed after the
/// checkpoint is replayed, counted as skipped. When the database is away, a batch waits and is tried again; only bad lines
/// fail. Line contents never reach the logs.
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
        long skipTo = run.Checkpoint;
        var lanes = new Channel<ImportBatch>[parallelism];
        var workers = new Task[parallelism];
        var limits = new RequestLimits(penchant.Value.MaxTextLength, service.Value.MaxTurnsPerRequest);
        JsonSerializerOptions serializer = json.Value.SerializerOptions;
        for (int i = 0; i < parallelism; i++)
        {
            lanes[i] = Channel.CreateBounded<ImportBatch>(64);
            ChannelReader<ImportBatch> lane = lanes[i].Reader;
            workers[i] = Task.Run(() => WriteLaneAsync(lane, run, skipTo, cancellationToken), cancellationToken);
        }

        try
        {
            var window = new List<(long Number, byte[] Line)>();
            long windowBytes = 0;
            long number = 0;
            await foreach (byte[] line in ReadLinesAsync(upload, cancellationToken))
            {
                window.Add((++number, line));
                windowBytes += line.Length;
                if (window.Count >= run.Batching.Window || windowBytes >= run.Batching.WindowBytes)
                {
                    await DispatchAsync(window, run, skipTo, limits, serializer, lanes, cancellationToken);
                    window.Clear();
                    windowBytes = 0;
                }
            }

            await DispatchAsync(window, run, skipTo, limits, serializer, lanes, cancellationToken);
        }
        finally
        {
            foreach (Channel<ImportBatch> lane in lanes)
            {
                lane.Writer.TryComplete();
            }

            await Task.WhenAll(workers);
        }
    }

    /// <summary>
    /// Parses a window of lines, groups them by user (each user's lines in file order, cut every
    /// <see cref="ImportBatching.Size"/> lines) and hands each batch to its user's lane. Windows are cut at fixed line
    /// counts and sizes, so the batches are a function of the upload alone: a resumed import rebuilds exactly the batches
    /// of the interrupted one, with the same keys. A window wholly before the checkpoint is not parsed again.
    /// </summary>
    private async Task DispatchAsync(
        List<(long Number, byte[] Line)> window, ImportRun run, long skipTo, RequestLimits limits, JsonSerializerOptions serializer, Channel<ImportBatch>[] lanes, CancellationToken cancellationToken)
    {
        if (window.Count == 0 || window[^1].Number <= skipTo)
        {
            return;
        }

        var byUser = new Dictionary<UserKey, List<ImportLine>>();
        var order = new List<UserKey>();
        foreach ((long number, byte[] bytes) in window)
        {
            if (bytes.AsSpan().IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                Complete(run, skipTo, number, ImportRun.Outcome.Blank);
                continue;
            }

            ImportLine line;
            try
            {
                line = ImportLine.Parse(run.TenantId, number, bytes, limits, serializer);
            }
            catch (ArgumentException ex)
            {
                Complete(run, skipTo, number, ImportRun.Outcome.Failed, ApiProblems.MessageOf(ex));
                continue;
            }

            if (!byUser.TryGetValue(line.User, out List<ImportLine>? lines))
            {
                byUser[line.User] = lines = [];
                order.Add(line.User);
            }

            lines.Add(line);
        }

        foreach (UserKey user in order)
        {
            List<ImportLine> lines = byUser[user];
            for (int start = 0; start < lines.Count; start += run.Batching.Size)
            {
                var batch = new ImportBatch(user, lines.GetRange(start, Math.Min(run.Batching.Size, lines.Count - start)));
                if (batch.Lines[^1].Number <= skipTo)
                {
                    continue;
                }

                // One lane per user, so a user's batches are written in the order of the file.
                int lane = (int)((uint)string.GetHashCode(user.UserId, StringComparison.Ordinal) % (uint)lanes.Length);
                await lanes[lane].Writer.WriteAsync(batch, cancellationToken);
            }
        }
    }

    private async Task WriteLaneAsync(ChannelReader<ImportBatch> lane, ImportRun run, long skipTo, CancellationToken cancellationToken)
    {
        await foreach (ImportBatch batch in lane.ReadAllAsync(cancellationToken))
        {
            try
            {
                ImportRun.Outcome outcome = await WriteAsync(batch.User, batch.Signals, batch.Key, cancellationToken);
                foreach (ImportLine line in batch.Lines)
                {
                    Complete(run, skipTo, line.Number, outcome);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or IdempotencyKeyReusedException)
            {
                // The engine refused the batch (a line it checks further than the contract does, say): write its lines one
                // by one under their own keys, so that only the bad ones fail. Deterministic, so a resumed import does the same.
                foreach (ImportLine line in batch.Lines.Where(l => l.Number > skipTo))
                {
                    try
                    {
                        run.Complete(line.Number, await WriteAsync(line.User, line.Signals, line.Key, cancellationToken));
                    }
                    catch (IdempotencyKeyReusedException)
                    {
                        run.Complete(line.Number, ImportRun.Outcome.Failed, "The line's key was already used for a different signal of this user.");
                    }
                    catch (ArgumentException lineError)
                    {
                        run.Complete(line.Number, ImportRun.Outcome.Failed, ApiProblems.MessageOf(lineError));
                    }
                }
            }
        }
    }

    /// <summary>Records a line's outcome, unless the line is at or before the checkpoint (counted before the interruption; its batch is sent again only to be replayed).</summary>
    private static void Complete(ImportRun run, long skipTo, long number, ImportRun.Outcome outcome, string? reason = null)
    {
        if (number > skipTo)
        {
            run.Complete(number, outcome, reason);
        }
    }

    /// <summary>Writes signals under a key, waiting and trying again while the database is away or a concurrent write wins.</summary>
    private async Task<ImportRun.Outcome> WriteAsync(UserKey user, IReadOnlyList<Signal> signals, string key, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                WriteResult result = await engine.RecordAsync(user, signals, key, cancellationToken);
                return result.Replayed ? ImportRun.Outcome.Skipped : ImportRun.Outcome.Written;
            }
            catch (Exception ex) when (ex is StoreUnavailableException or ConcurrencyException && !cancellationToken.IsCancellationRequested)
            {
                // Written again with the same key, so at most once.
                LogRetrying(logger, signals.Count, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(attempt, 6)))), time, cancellationToken);
            }
        }
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

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "An import write of {Signals} signals could not be committed (attempt {Attempt}); retrying.")]
    private static partial void LogRetrying(ILogger logger, int signals, int attempt, Exception exception);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Error, Message = "The upload of import {ImportId} cannot be read; the import is marked failed.")]
    private static partial void LogUploadUnreadable(ILogger logger, string importId, Exception exception);
}
