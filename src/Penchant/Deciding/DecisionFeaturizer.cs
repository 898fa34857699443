using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Penchant.Numerics;

namespace Penchant.Deciding;

/// <summary>
/// Turns a context and its actions into the vectors the policy's regressor learns over, by the hashing trick (as
/// Vowpal Wabbit and Personalizer do): a bias, the context's features, each action's features, and every context feature
/// crossed with every action feature, hashed with a sign into <see cref="DecidingOptions.FeatureDimensions"/> buckets.
/// Texts are embedded (the engine's embedding generator), projected to <see cref="DecidingOptions.TextDimensions"/>
/// features by a fixed seeded Gaussian matrix, and the cosine of the context's and action's texts is one more feature.
/// </summary>
/// <remarks>
/// Thread-safe. Deterministic: the same inputs give the same vectors in any process, so a replay learns the same. Keeps no
/// text: a caller that wants texts' embeddings kept between calls passes its own cache (the user's policy keeps one,
/// <see cref="PolicyState.Texts"/>, which goes when the user is forgotten).
/// </remarks>
internal sealed class DecisionFeaturizer
{
    private const int ProjectionSeed = 17;
    private const int MaxCachedTexts = 4_096;
    private const uint ContextSeed = 0x9E3779B1;
    private const uint ActionSeed = 0x85EBCA77;

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly ConcurrentDictionary<int, float[]> _projections = new();
    private readonly int _dimensions;
    private readonly int _textDimensions;

    public DecisionFeaturizer(IOptions<DecidingOptions> options, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        _embeddings = embeddings;
        _dimensions = options.Value.FeatureDimensions;
        _textDimensions = options.Value.TextDimensions;
    }

    /// <summary>Gets the length of a feature vector.</summary>
    public int Dimensions => _dimensions;

    /// <summary>Fills one vector per action (row-major, K × d), or only for the actions listed.</summary>
    /// <param name="context">The context.</param>
    /// <param name="actions">The actions.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The vectors.</returns>
    /// <exception cref="InvalidOperationException">A text is given but no embedding generator is registered.</exception>
    public ValueTask<double[]> FeaturizeAsync(DecisionContext context, IReadOnlyList<DecisionAction> actions, CancellationToken cancellationToken)
        => FeaturizeAsync(context, actions, null, cancellationToken);

    /// <summary>Fills one vector per action (row-major, K × d), keeping the texts' embeddings in <paramref name="texts"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="actions">The actions.</param>
    /// <param name="texts">The caller's cache of embeddings by text (bounded here), or <see langword="null"/> to keep none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The vectors.</returns>
    /// <exception cref="InvalidOperationException">A text is given but no embedding generator is registered.</exception>
    public async ValueTask<double[]> FeaturizeAsync(DecisionContext context, IReadOnlyList<DecisionAction> actions, ConcurrentDictionary<string, float[]>? texts, CancellationToken cancellationToken)
    {
        double[] vectors = new double[actions.Count * _dimensions];
        await FeaturizeAsync(context, actions, vectors, texts, cancellationToken).ConfigureAwait(false);
        return vectors;
    }

    /// <summary>Fills one vector per action (row-major, K × d) into the start of <paramref name="vectors"/>, which may be longer (a pooled array).</summary>
    /// <param name="context">The context.</param>
    /// <param name="actions">The actions.</param>
    /// <param name="vectors">The destination, at least K × d long; its first K × d values are overwritten.</param>
    /// <param name="cache">The caller's cache of embeddings by text (bounded here), or <see langword="null"/> to keep none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the vectors are filled.</returns>
    /// <exception cref="InvalidOperationException">A text is given but no embedding generator is registered.</exception>
    public async ValueTask FeaturizeAsync(DecisionContext context, IReadOnlyList<DecisionAction> actions, double[] vectors, ConcurrentDictionary<string, float[]>? cache, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vectors.Length, actions.Count * _dimensions);
        Array.Clear(vectors, 0, actions.Count * _dimensions);
        Dictionary<string, float[]>? texts = await EmbedAllAsync(context, actions, cache, cancellationToken).ConfigureAwait(false);
        float[]? contextText = context.Text is null ? null : texts![context.Text];
        var contextFeatures = new List<(uint Hash, double Value)>(context.Features.Count + _textDimensions);
        IReadOnlyList<Feature> given = context.Features;
        for (int i = 0; i < given.Count; i++)
        {
            contextFeatures.Add((Hash(given[i].Name, ContextSeed), given[i].Value));
        }

        if (contextText is not null)
        {
            AddProjected(contextFeatures, contextText, ContextSeed);
        }

        var actionFeatures = new List<(uint Hash, double Value)>(16);
        for (int a = 0; a < actions.Count; a++)
        {
            DecisionAction action = actions[a];
            actionFeatures.Clear();
            IReadOnlyList<Feature> features = action.Features;
            for (int i = 0; i < features.Count; i++)
            {
                actionFeatures.Add((Hash(features[i].Name, ActionSeed), features[i].Value));
            }

            Span<double> x = vectors.AsSpan(a * _dimensions, _dimensions);
            if (action.Text is not null)
            {
                float[] actionText = texts![action.Text];
                AddProjected(actionFeatures, actionText, ActionSeed);
                if (contextText is not null && contextText.Length == actionText.Length)
                {
                    x[1] += TensorPrimitives.CosineSimilarity(contextText, actionText);
                }
            }

            Fill(x, contextFeatures, actionFeatures);
        }
    }

    private void Fill(Span<double> x, List<(uint Hash, double Value)> contextFeatures, List<(uint Hash, double Value)> actionFeatures)
    {
        // Bucket 0 is the bias, bucket 1 the texts' cosine; the rest are hashed.
        x[0] = 1.0;
        foreach ((uint hash, double value) in contextFeatures)
        {
            Add(x, hash, value);
        }

        foreach ((uint hash, double value) in actionFeatures)
        {
            Add(x, hash, value);
        }

        foreach ((uint c, double cv) in contextFeatures)
        {
            foreach ((uint a, double av) in actionFeatures)
            {
                Add(x, Mix(c, a), cv * av);
            }
        }
    }

    private void Add(Span<double> x, uint hash, double value)
    {
        int bucket = 2 + (int)((hash & 0x7FFFFFFF) % (uint)(_dimensions - 2));
        x[bucket] += (hash & 0x80000000) == 0 ? value : -value;
    }

    private void AddProjected(List<(uint Hash, double Value)> features, float[] embedding, uint seed)
    {
        float[] projection = _projections.GetOrAdd(embedding.Length, static (d, k) => Projection(d, k), _textDimensions);
        for (int i = 0; i < _textDimensions; i++)
        {
            double value = TensorPrimitives.Dot(projection.AsSpan(i * embedding.Length, embedding.Length), embedding);
            features.Add((Mix(seed, (uint)(i + 1) * 0x27D4EB2Fu), value));
        }
    }

    private static float[] Projection(int dimensions, int rows)
    {
        var random = new Random(ProjectionSeed);
        float[] matrix = new float[rows * dimensions];
        double scale = 1.0 / Math.Sqrt(rows);
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (float)(Gaussian.Next(random) * scale);
        }

        return matrix;
    }

    private async ValueTask<Dictionary<string, float[]>?> EmbedAllAsync(DecisionContext context, IReadOnlyList<DecisionAction> actions, ConcurrentDictionary<string, float[]>? cache, CancellationToken cancellationToken)
    {
        Dictionary<string, float[]>? texts = null;
        List<string>? missing = null;
        void Want(string text)
        {
            texts ??= new Dictionary<string, float[]>(StringComparer.Ordinal);
            if (texts.ContainsKey(text))
            {
                return;
            }

            if (cache is not null && cache.TryGetValue(text, out float[]? cached))
            {
                texts[text] = cached;
            }
            else if (missing is null || !missing.Contains(text))
            {
                (missing ??= []).Add(text);
            }
        }

        if (context.Text is not null)
        {
            Want(context.Text);
        }

        foreach (DecisionAction action in actions)
        {
            if (action.Text is not null)
            {
                Want(action.Text);
            }
        }

        if (missing is null)
        {
            return texts;
        }

        if (_embeddings is null)
        {
            throw new InvalidOperationException("A decision with texts needs an embedding generator; register one (UseMiniLmEmbeddings) or give features only.");
        }

        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(missing, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cache is not null && cache.Count + missing.Count > MaxCachedTexts)
        {
            cache.Clear();
        }

        for (int i = 0; i < missing.Count; i++)
        {
            float[] vector = vectors[i].Vector.ToArray();
            if (cache is not null)
            {
                cache[missing[i]] = vector;
            }

            texts![missing[i]] = vector;
        }

        return texts;
    }

    /// <summary>FNV-1a over the name's UTF-16 code units, from a namespace seed: stable across processes.</summary>
    internal static uint Hash(string name, uint seed)
    {
        uint hash = 2166136261u ^ seed;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Finalize(hash);
    }

    private static uint Mix(uint a, uint b) => Finalize((a * 0xCC9E2D51u) ^ ((b << 15) | (b >> 17)) ^ 0x1B873593u);

    private static uint Finalize(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
