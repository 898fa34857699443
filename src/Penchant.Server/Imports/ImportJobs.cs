using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Penchant.Server.Contracts;

namespace Penchant.Server.Imports;

/// <summary>
/// The bulk imports of this instance: each upload is spooled to a folder (<c>{tenant hash}/{import id}/upload.jsonl</c>)
/// with its progress beside it (<c>state.json</c>), queued for <see cref="ImportWorker"/>, and read back by
/// <c>GET /v1/imports/{id}</c>. Folders survive a restart, so an interrupted import resumes.
/// </summary>
/// <remarks>Thread-safe. Another tenant's import looks like one that does not exist (its folder is under the other tenant's hash).</remarks>
internal sealed class ImportJobs
{
    /// <summary>The upload's file name in an import's folder.</summary>
    public const string UploadFile = "upload.jsonl";

    private const string StateFile = "state.json";
    private const string PartialSuffix = ".partial";
    private readonly ConcurrentDictionary<string, ImportRun> _running = new(StringComparer.Ordinal);
    private readonly Channel<(string TenantId, string Id)> _queue = Channel.CreateUnbounded<(string, string)>();
    private readonly TimeProvider _time;
    private readonly ImportBatching _batching;

    /// <summary>Initializes a new instance of the <see cref="ImportJobs"/> class.</summary>
    public ImportJobs(IOptions<ImportOptions> options, TimeProvider time)
    {
        Root = options.Value.Directory ?? throw new InvalidOperationException("Penchant:Imports:Directory is not set.");
        _time = time;
        _batching = ImportBatching.From(options.Value);
    }

    /// <summary>Gets the folder imports are kept in.</summary>
    public string Root { get; }

    /// <summary>Gets the queue of imports to run.</summary>
    public ChannelReader<(string TenantId, string Id)> Queue => _queue.Reader;

    /// <summary>Spools an upload and queues it.</summary>
    /// <exception cref="ArgumentException">The upload has no line with content.</exception>
    /// <exception cref="UploadTooLargeException">The upload is larger than <paramref name="maxBytes"/>.</exception>
    public async Task<ImportResponse> AcceptAsync(string tenantId, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        string id = "imp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        string folder = Folder(tenantId, id);
        string partial = folder + PartialSuffix;
        Directory.CreateDirectory(partial);
        try
        {
            long lines = 0;
            long bytes = 0;
            bool content = false;
            byte last = (byte)'\n';
            var upload = new FileStream(Path.Combine(partial, UploadFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (upload)
            {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    bytes += read;
                    if (bytes > maxBytes)
                    {
                        throw new UploadTooLargeException(maxBytes);
                    }

                    ReadOnlySpan<byte> span = buffer.AsSpan(0, read);
                    lines += span.Count((byte)'\n');
                    content |= span.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
                    last = span[^1];
                    await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await upload.FlushAsync(cancellationToken);
                upload.Flush(flushToDisk: true);
            }

            if (!content)
            {
                throw new ArgumentException("The upload is empty: send one signal per line as JSON Lines.", nameof(body));
            }

            if (last != (byte)'\n')
            {
                lines++;
            }

            var progress = new ImportResponse(id, "queued", lines, 0, 0, 0, 0, [], _time.GetUtcNow(), null);
            await SaveAsync(partial, new ImportState(tenantId, progress, 0, _batching), cancellationToken);
            Directory.Move(partial, folder);
            await _queue.Writer.WriteAsync((tenantId, id), cancellationToken);
            return progress;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Reads an import's progress: live while it runs, else as last saved.</summary>
    /// <returns>The progress, or <see langword="null"/> when the tenant has no such import.</returns>
    public async Task<ImportResponse?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        if (_running.TryGetValue(Key(tenantId, id), out ImportRun? run))
        {
            return run.Snapshot();
        }

        ImportState? state = await LoadAsync(Folder(tenantId, id), cancellationToken);
        return state is not null && string.Equals(state.TenantId, tenantId, StringComparison.Ordinal) ? state.Progress : null;
    }

    /// <summary>Queues every import left unfinished by a previous run of the service, and removes uploads that never completed.</summary>
    public async Task ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (string tenantFolder in Directory.EnumerateDirectories(Root))
        {
            foreach (string folder in Directory.EnumerateDirectories(tenantFolder))
            {
                if (folder.EndsWith(PartialSuffix, StringComparison.Ordinal))
                {
                    TryDelete(folder);
                    continue;
                }

                ImportState? state = await LoadAsync(folder, cancellationToken);
                if (state is { Progress.Status: "queued" or "running" })
                {
                    await _queue.Writer.WriteAsync((state.TenantId, state.Progress.Id), cancellationToken);
                }
            }
        }
    }

    /// <summary>Gets the folder of an import.</summary>
    public string Folder(string tenantId, string id) => Path.Combine(Root, TenantFolder(tenantId), id);

    /// <summary>Loads an import's saved state.</summary>
    public static async Task<ImportState?> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, StateFile);
        if (!File.Exists(path))
        {
            return null;
        }

        await using FileStream stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, ImportStateJsonContext.Default.ImportState, cancellationToken);
    }

    /// <summary>Saves an import's state atomically (a new file renamed over the old).</summary>
    public static async Task SaveAsync(string folder, ImportState state, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, StateFile);
        string temporary = path + ".tmp";
        await using (FileStream stream = new(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, state, ImportStateJsonContext.Default.ImportState, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Registers a running import, so reads see its live progress.</summary>
    public void Started(ImportRun run) => _running[Key(run.TenantId, run.Id)] = run;

    /// <summary>Unregisters a running import (its state file has the final progress).</summary>
    public void Stopped(ImportRun run) => _running.TryRemove(Key(run.TenantId, run.Id), out _);

    private static bool IsId(string id) => id.Length == 28 && id.StartsWith("imp_", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static string Key(string tenantId, string id) => tenantId + "\n" + id;

    private static string TenantFolder(string tenantId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId)).AsSpan(0, 12));

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
