using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.AI;

namespace Penchant.Server.Hosting;

/// <summary>
/// Serves texts it has embedded before from memory, and coalesces the other texts of concurrent requests into one
/// model call at a time, so the model runs full batches on all cores instead of many single-text calls competing
/// for them.
/// </summary>
/// <remarks>
/// Thread-safe. One loop calls the inner generator; a request waits at most for the batch in progress plus its own.
/// Calls with options, or with more texts than a batch, go straight to the inner generator. Texts are user content;
/// they are kept only in memory (first in, first out, at most <see cref="CacheSize"/> texts) and never logged.
/// </remarks>
internal sealed class BatchingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The most distinct texts kept in memory.</summary>
    public const int CacheSize = 50_000;

    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Embedding<float>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly Task _loop;

    /// <summary>Initializes a new instance of the <see cref="BatchingEmbeddingGenerator"/> class.</summary>
    /// <param name="inner">The model.</param>
    /// <param name="maxBatch">The most texts per model call.</param>
    public BatchingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int maxBatch = 32)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = values as string[] ?? [.. values];
        if (options is not null || texts.Length > _maxBatch)
        {
            return await base.GenerateAsync(texts, options, cancellationToken);
        }

        var hits = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (string text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(values));
            if (!_cache.TryGetValue(text, out Embedding<float>? hit))
            {
                break;
            }

            hits.Add(hit);
        }

        if (hits.Count == texts.Length)
        {
            return hits;
        }

        var pending = new Pending(texts);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(BatchingEmbeddingGenerator));
        }

        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _queue.Writer.TryComplete();
        }

        base.Dispose(disposing);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var texts = new List<string>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            texts.Clear();
            while (texts.Count < _maxBatch && _queue.Reader.TryRead(out Pending? pending))
            {
                batch.Add(pending);
                texts.AddRange(pending.Texts);
            }

            try
            {
                GeneratedEmbeddings<Embedding<float>> embeddings = await base.GenerateAsync(texts, null, CancellationToken.None);
                int offset = 0;
                foreach (Pending pending in batch)
                {
                    var result = new GeneratedEmbeddings<Embedding<float>>(pending.Texts.Length);
                    for (int i = 0; i < pending.Texts.Length; i++)
                    {
                        Embedding<float> embedding = embeddings[offset + i];
                        result.Add(embedding);
                        Remember(pending.Texts[i], embedding);
                    }

                    offset += pending.Texts.Length;
                    pending.Completion.TrySetResult(result);
                }
            }
            catch (Exception exception)
            {
                foreach (Pending pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }
    }

    private void Remember(string text, Embedding<float> embedding)
    {
        if (_cache.TryAdd(text, embedding))
        {
            _order.Enqueue(text);
            while (_cache.Count > CacheSize && _order.TryDequeue(out string? oldest))
            {
                _cache.TryRemove(oldest, out _);
            }
        }
    }

    private sealed class Pending(string[] texts)
    {
        public string[] Texts { get; } = texts;

        public TaskCompletionSource<GeneratedEmbeddings<Embedding<float>>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
