using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Extraction;
using Penchant.Text;

namespace Penchant.Hinting;

/// <summary>
/// Hints from a hand-written lexicon of concepts and the kinds of requests they affect ("latex" → "buying a mattress"),
/// matched against the words of the preference and, by embedding similarity, against what the concept is about.
/// </summary>
/// <remarks>Thread-safe. The lexicon's vectors are computed once, on first use.</remarks>
public sealed class LexiconHinter : IApplicabilityHinter
{
    /// <summary>The value of <see cref="ApplicabilityHints.Source"/> for hints from the lexicon.</summary>
    public const string SourceName = "lexicon";

    private const int MaxKinds = 12;
    private const double TopicSimilarity = 0.30;
    private static readonly Lazy<Entry[]> Entries = new(Load);
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemaphoreSlim _vectorLock = new(1, 1);
    private float[][]? _topicVectors;

    /// <summary>Initializes a new instance of the <see cref="LexiconHinter"/> class.</summary>
    /// <param name="embeddings">The embedding generator used to match preferences to the lexicon's topics.</param>
    public LexiconHinter(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
    }

    /// <inheritdoc/>
    public async ValueTask<ApplicabilityHints> HintAsync(ExtractedPreference preference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preference);
        string lower = " " + preference.Text.ToLowerInvariant() + " ";
        HashSet<string> stems = TextTools.ContentStems(preference.Text);
        Entry[] entries = Entries.Value;
        float[][] topics = await GetTopicVectorsAsync(entries, cancellationToken).ConfigureAwait(false);
        GeneratedEmbeddings<Embedding<float>> own = await _embeddings.GenerateAsync([preference.Text], cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlySpan<float> vector = own[0].Vector.Span;

        // The two closest topics by meaning, then any topic whose key words appear.
        var matched = new List<(double Score, Entry Entry)>();
        for (int i = 0; i < entries.Length; i++)
        {
            double similarity = TensorPrimitives.Dot(vector, topics[i]);
            bool keyword = entries[i].Matches(stems, lower);
            if (keyword || similarity >= TopicSimilarity)
            {
                matched.Add((similarity + (keyword ? 1 : 0), entries[i]));
            }
        }

        matched.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var kinds = new List<string>();
        for (int m = 0; m < matched.Count; m++)
        {
            Entry entry = matched[m].Entry;
            if (matched[m].Score < 1 && m >= 2)
            {
                continue;
            }

            {
                foreach (string kind in entry.Kinds)
                {
                    if (kinds.Count < MaxKinds && !kinds.Contains(kind))
                    {
                        kinds.Add(kind);
                    }
                }
            }
        }

        return kinds.Count == 0 && preference.ChainsTo is null
            ? ApplicabilityHints.None
            : new ApplicabilityHints { RequestKinds = kinds, ChainsTo = preference.ChainsTo, Source = SourceName };
    }

    private async Task<float[][]> GetTopicVectorsAsync(Entry[] entries, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _topicVectors) is { } ready)
        {
            return ready;
        }

        await _vectorLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_topicVectors is null)
            {
                // A topic is described by its key words and the kinds of requests it affects.
                string[] descriptions = [.. entries.Select(static e => string.Join(", ", e.Keys) + ": " + string.Join("; ", e.Kinds))];
                GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(descriptions, cancellationToken: cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _topicVectors, [.. vectors.Select(static v => v.Vector.ToArray())]);
            }

            return _topicVectors!;
        }
        finally
        {
            _vectorLock.Release();
        }
    }

    private static Entry[] Load()
    {
        using Stream stream = typeof(LexiconHinter).Assembly.GetManifestResourceStream("Penchant.Resources.applicability-lexicon.json")
            ?? throw new InvalidOperationException("The applicability lexicon resource is missing from the Penchant assembly.");
        using JsonDocument document = JsonDocument.Parse(stream);
        var entries = new List<Entry>();
        foreach (JsonElement item in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var keys = new List<string>();
            foreach (JsonElement key in item.GetProperty("keys").EnumerateArray())
            {
                keys.Add(key.GetString()!.ToLowerInvariant());
            }

            var kinds = new List<string>();
            foreach (JsonElement kind in item.GetProperty("kinds").EnumerateArray())
            {
                kinds.Add(kind.GetString()!);
            }

            entries.Add(new Entry([.. keys], [.. kinds]));
        }

        return [.. entries];
    }

    private sealed record Entry(string[] Keys, string[] Kinds)
    {
        public bool Matches(HashSet<string> stems, string paddedLower)
        {
            foreach (string key in Keys)
            {
                if (key.Contains(' ', StringComparison.Ordinal) || key.Contains('-', StringComparison.Ordinal) || key.Contains('#', StringComparison.Ordinal)
                    ? paddedLower.Contains(key, StringComparison.Ordinal)
                    : stems.Contains(TextTools.Stem(key)) || StemPrefix(stems, key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StemPrefix(HashSet<string> stems, string key)
        {
            if (key.Length < 5)
            {
                return false;
            }

            foreach (string stem in stems)
            {
                if (stem.StartsWith(key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
