using System.Numerics.Tensors;
using System.Text;
using Microsoft.Extensions.AI;

namespace Penchant.Testing;

/// <summary>
/// A deterministic, dependency-free <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for tests: each text becomes the
/// normalized sum of hashed vectors of its lower-cased words and word pairs, so texts that share words are similar and
/// texts that share none are nearly orthogonal. Not a language model: it knows no synonyms.
/// </summary>
/// <remarks>Thread-safe. The same text always gives the same vector, on every machine and run.</remarks>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The default number of dimensions (that of the MiniLM model the engine ships with).</summary>
    public const int DefaultDimensions = 384;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="HashingEmbeddingGenerator"/> class.</summary>
    /// <param name="dimensions">The number of dimensions.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is below 8.</exception>
    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata(nameof(HashingEmbeddingGenerator), defaultModelId: "hashing-" + dimensions, defaultModelDimensions: dimensions);
    }

    /// <summary>Gets the number of dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Gets how many texts were embedded so far (tests check caching with it).</summary>
    public int Generated => Volatile.Read(ref _generated);

    private int _generated;

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            result.Add(new Embedding<float>(Embed(value)) { ModelId = _metadata.DefaultModelId });
            Interlocked.Increment(ref _generated);
        }

        return Task.FromResult(result);
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
    public void Dispose()
    {
    }

    private float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        string? previous = null;
        foreach (string word in Words(text))
        {
            Add(vector, word, 1f);
            if (previous is not null)
            {
                Add(vector, previous + " " + word, 0.5f);
            }

            previous = word;
        }

        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private void Add(float[] vector, string feature, float weight)
    {
        // FNV-1a over UTF-8: stable across runtimes, unlike string.GetHashCode.
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(feature))
        {
            hash = (hash ^ b) * 16777619;
        }

        vector[(int)(hash % (uint)Dimensions)] += (hash & 0x8000_0000) == 0 ? weight : -weight;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
