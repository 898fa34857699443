using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.Searching;

/// <summary>
/// The search query: ranks a user's current preferences for a free-text query by meaning (cosine of sentence embeddings)
/// and by words (BM25 over the preference texts), fused by reciprocal rank fusion. Unlike selection there is no gate: every
/// current preference that has not expired and passes the metadata filter is ranked, and the caller takes the first
/// <see cref="PreferenceSearch.Limit"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Reads state, never writes it. The BM25 tokenization of a state is built once and kept with the cached
/// snapshot (<see cref="SearchIndex"/>); a metadata filter is answered by the store's metadata index.
/// </remarks>
internal sealed class SearchQuery(UserStateCache states, IEmbeddingGenerator<string, Embedding<float>> embeddings, TimeProvider? timeProvider = null)
{
    /// <summary>The constant of reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009).</summary>
    internal const int FusionConstant = 60;

    // How many times a filtered search reads the state and the metadata index again when a write lands between the two reads.
    private const int FilteredReadAttempts = 3;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Searches a user's current preferences.</summary>
    public async Task<IReadOnlyList<PreferenceMatch>> SearchAsync(UserKey user, PreferenceSearch search, CancellationToken cancellationToken)
    {
        (UserSnapshot snapshot, HashSet<string>? passing) = await ReadAsync(user, search.Filter, cancellationToken).ConfigureAwait(false);
        SearchIndex index = SearchIndex.Of(snapshot);
        DateTimeOffset now = _time.GetUtcNow();
        var documents = new List<int>(index.Current.Count);
        for (int i = 0; i < index.Current.Count; i++)
        {
            Preference p = index.Current[i];
            if (!p.IsExpiredAt(now) && (passing is null || passing.Contains(p.Id)))
            {
                documents.Add(i);
            }
        }

        if (documents.Count == 0)
        {
            return [];
        }

        var candidates = new Preference[documents.Count];
        for (int i = 0; i < candidates.Length; i++)
        {
            candidates[i] = index.Current[documents[i]];
        }

        // The query, and any preference stored without a vector, are embedded in one call.
        var texts = new List<string> { search.Text };
        foreach (Preference p in candidates)
        {
            if (p.Embedding.IsEmpty)
            {
                texts.Add(p.Text);
            }
        }

        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> query = vectors[0].Vector;
        var semantic = new double[candidates.Length];
        for (int i = 0, next = 1; i < candidates.Length; i++)
        {
            ReadOnlyMemory<float> vector = candidates[i].Embedding.IsEmpty ? vectors[next++].Vector : candidates[i].Embedding;
            semantic[i] = vector.Length == query.Length ? TensorPrimitives.CosineSimilarity(query.Span, vector.Span) : 0;
        }

        double[] lexical = index.Lexical.Score(search.Text, documents);
        return Fuse(candidates, semantic, lexical, search.Limit);
    }

    /// <summary>
    /// Reads the user's state (through the cache) and, when the search has a metadata filter, the identifiers of the
    /// preferences that pass it (from the store's metadata index) at the same log position.
    /// </summary>
    private async Task<(UserSnapshot Snapshot, HashSet<string>? Passing)> ReadAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken)
    {
        UserSnapshot snapshot = await states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        if (filter.IsEmpty)
        {
            return (snapshot, null);
        }

        for (int attempt = 1; ; attempt++)
        {
            UserState passing = await states.Store.GetStateAsync(user, filter, cancellationToken).ConfigureAwait(false);
            if (passing.Position == snapshot.State.Position)
            {
                return (snapshot, [.. passing.Preferences.Select(static p => p.Id)]);
            }

            // A write landed between the two reads: read the state again.
            snapshot = await states.ReloadAsync(user, cancellationToken).ConfigureAwait(false);
            if (attempt == FilteredReadAttempts)
            {
                // Writes keep landing: filter the fresh state itself, which gives the same answer without the index.
                return (snapshot, [.. snapshot.State.Preferences.Where(p => filter.Matches(p.Metadata)).Select(static p => p.Id)]);
            }
        }
    }

    /// <summary>Fuses the two rankings by reciprocal rank fusion and keeps the best <paramref name="limit"/>.</summary>
    internal static List<PreferenceMatch> Fuse(IReadOnlyList<Preference> preferences, double[] semantic, double[] lexical, int limit)
    {
        int n = preferences.Count;
        int[] semanticRank = Ranks(semantic, includeZero: true);
        int[] lexicalRank = Ranks(lexical, includeZero: false);
        var matches = new List<PreferenceMatch>(n);
        for (int i = 0; i < n; i++)
        {
            double score = 1.0 / (FusionConstant + semanticRank[i]);
            if (lexicalRank[i] > 0)
            {
                score += 1.0 / (FusionConstant + lexicalRank[i]);
            }

            matches.Add(new PreferenceMatch(preferences[i], score, semantic[i], lexical[i])
            {
                SemanticRank = semanticRank[i],
                LexicalRank = lexicalRank[i] > 0 ? lexicalRank[i] : null,
            });
        }

        // Ties (rare) keep the more similar by meaning first, then the newer preference.
        matches.Sort(static (a, b) =>
        {
            int byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            int bySemantic = b.Semantic.CompareTo(a.Semantic);
            return bySemantic != 0 ? bySemantic : b.Preference.UpdatedAt.CompareTo(a.Preference.UpdatedAt);
        });
        return matches.Count > limit ? matches[..limit] : matches;
    }

    /// <summary>Gets each item's rank from 1 by descending score (0 for a zero score when zeros are left out).</summary>
    private static int[] Ranks(double[] scores, bool includeZero)
    {
        int[] order = [.. Enumerable.Range(0, scores.Length)];
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        int[] ranks = new int[scores.Length];
        int rank = 0;
        foreach (int i in order)
        {
            if (!includeZero && scores[i] <= 0)
            {
                continue;
            }

            ranks[i] = ++rank;
        }

        return ranks;
    }
}
