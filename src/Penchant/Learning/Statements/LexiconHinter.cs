using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Learning.Statements;

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
        HashSet<string> verbStems = VerbStems(preference.Text);
        Entry[] entries = Entries.Value;
        float[][] topics = await GetTopicVectorsAsync(entries, cancellationToken).ConfigureAwait(false);
        GeneratedEmbeddings<Embedding<float>> own = await _embeddings.GenerateAsync([preference.Text], cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlySpan<float> vector = own[0].Vector.Span;

        // The two closest topics by meaning, then any topic whose key words appear; a generic key ("allergic") only when no
        // specific one does ("allergic to cats" is about cats, not food).
        var keyMatches = new KeyMatch[entries.Length];
        bool specific = false;
        for (int i = 0; i < entries.Length; i++)
        {
            keyMatches[i] = entries[i].Matches(stems, verbStems, lower);
            specific |= keyMatches[i] == KeyMatch.Specific;
        }

        var matched = new List<(double Score, Entry Entry)>();
        for (int i = 0; i < entries.Length; i++)
        {
            double similarity = TensorPrimitives.Dot(vector, topics[i]);
            bool keyword = keyMatches[i] == KeyMatch.Specific || (keyMatches[i] == KeyMatch.Generic && !specific);
            if (keyword || similarity >= EmbeddingModelSettings.Default.HintTopicSimilarity)
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

    /// <summary>
    /// Finds the stems of the words a text uses as verbs, as far as the word before tells: a subject pronoun, "to", a modal
    /// or a frequency adverb ("when I book flights", "I'd rather not show", "I always switch").
    /// </summary>
    internal static HashSet<string> VerbStems(string text)
    {
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        List<string> words = TextTools.Words(text);
        for (int i = 1; i < words.Count; i++)
        {
            if (FunctionWords.VerbCues.Contains(words[i - 1]))
            {
                verbs.Add(Stemmer.Stem(words[i]));
            }
        }

        return verbs;
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
        using JsonDocument document = LanguagePack.Parse(LanguagePack.ApplicabilityLexicon);
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

            entries.Add(new Entry([.. keys], [.. kinds], Subset(item, "nouns", keys), Subset(item, "generic", keys)));
        }

        return [.. entries];
    }

    private static HashSet<string> Subset(JsonElement item, string property, List<string> keys)
    {
        var subset = new HashSet<string>(StringComparer.Ordinal);
        if (item.TryGetProperty(property, out JsonElement listed))
        {
            foreach (JsonElement key in listed.EnumerateArray())
            {
                string lower = key.GetString()!.ToLowerInvariant();
                if (!keys.Contains(lower))
                {
                    throw new InvalidOperationException($"The applicability lexicon lists '{lower}' under \"{property}\" but not under \"keys\".");
                }

                subset.Add(lower);
            }
        }

        return subset;
    }

    private enum KeyMatch
    {
        None,
        Generic,
        Specific,
    }

    private sealed record Entry(string[] Keys, string[] Kinds, HashSet<string> Nouns, HashSet<string> Generic)
    {
        public KeyMatch Matches(HashSet<string> stems, HashSet<string> verbStems, string paddedLower)
        {
            KeyMatch best = KeyMatch.None;
            foreach (string key in Keys)
            {
                // The plural's stem too: "airlines" and "games" stem to "airlin" and "gam", not to "airline" and "game".
                bool found = key.Contains(' ', StringComparison.Ordinal) || key.Contains('-', StringComparison.Ordinal) || key.Contains('#', StringComparison.Ordinal)
                    ? paddedLower.Contains(key, StringComparison.Ordinal)
                    : stems.Contains(Stemmer.Stem(key)) || stems.Contains(Stemmer.Stem(key + "s")) || StemPrefix(stems, key);

                // A noun key used as a verb is another word ("book" in "when I book flights").
                if (!found || (Nouns.Contains(key) && verbStems.Contains(Stemmer.Stem(key))))
                {
                    continue;
                }

                if (!Generic.Contains(key))
                {
                    return KeyMatch.Specific;
                }

                best = KeyMatch.Generic;
            }

            return best;
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
