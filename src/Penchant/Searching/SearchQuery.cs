using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.Searching;

/// <summary>
/// The search query: ranks a user's current preferences for a free-text query by meaning (cosine of sentence embeddings)
/// and by words (BM25 over the preference texts), fused by reciprocal rank fusion. Unlike selection there is no gate: every
/// current preference is ranked, and the caller takes the first <see cref="PreferenceSearch.Limit"/>.
/// </summary>
/// <remarks>Thread-safe. Reads state, never writes it.</remarks>
internal sealed class SearchQuery(UserStateCache states, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    /// <summary>The constant of reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009).</summary>
    internal const int FusionConstant = 60;

    /// <summary>Searches a user's current preferences.</summary>
    public async Task<IReadOnlyList<PreferenceMatch>> SearchAsync(UserKey user, PreferenceSearch search, CancellationToken cancellationToken)
    {
        UserSnapshot snapshot = await states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        var current = snapshot.State.Preferences.Where(static p => p.IsCurrent).ToList();
        if (current.Count == 0)
        {
            return [];
        }

        // The query, and any preference stored without a vector, are embedded in one call.
        var texts = new List<string> { search.Text };
        foreach (Preference p in current)
        {
            if (p.Embedding.IsEmpty)
            {
                texts.Add(p.Text);
            }
        }

        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> query = vectors[0].Vector;
        var semantic = new double[current.Count];
        for (int i = 0, next = 1; i < current.Count; i++)
        {
            ReadOnlyMemory<float> vector = current[i].Embedding.IsEmpty ? vectors[next++].Vector : current[i].Embedding;
            semantic[i] = vector.Length == query.Length ? TensorPrimitives.CosineSimilarity(query.Span, vector.Span) : 0;
        }

        double[] lexical = new Bm25([.. current.Select(static p => p.Text)]).Score(search.Text);
        return Fuse(current, semantic, lexical, search.Limit);
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
