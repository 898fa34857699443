using Penchant.Language;

namespace Penchant.Searching;

/// <summary>
/// Okapi BM25 over a small set of texts (one user's preferences): term frequencies of content-word stems, inverse document
/// frequencies over the texts searched, length normalised against their mean length.
/// </summary>
/// <remarks>
/// k1 = 1.2 and b = 0.75, the usual defaults (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009).
/// The texts are tokenized once, in the constructor (the costly part); the statistics are computed per query over the texts a
/// query searches, so a search over part of the set (what a metadata filter or expiry leaves) scores as a set of only those
/// texts would. Thread-safe once constructed.
/// </remarks>
internal sealed class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int>[] _documents;
    private readonly int[] _lengths;

    /// <summary>Initializes a new instance of the <see cref="Bm25"/> class over texts.</summary>
    /// <param name="texts">The texts, indexed as given.</param>
    public Bm25(IReadOnlyList<string> texts)
    {
        _documents = new Dictionary<string, int>[texts.Count];
        _lengths = new int[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach ((string stem, _) in TextTools.ContentStemSequence(texts[i]))
            {
                counts[stem] = counts.GetValueOrDefault(stem) + 1;
                _lengths[i]++;
            }

            _documents[i] = counts;
        }
    }

    /// <summary>Gets the number of texts.</summary>
    public int Count => _documents.Length;

    /// <summary>Scores every text for a query.</summary>
    /// <param name="query">The query.</param>
    /// <returns>One score per text, in the order given; 0 for a text that has none of the query's content words.</returns>
    public double[] Score(string query) => Score(query, [.. Enumerable.Range(0, _documents.Length)]);

    /// <summary>Scores some of the texts for a query, with document frequencies and the mean length taken over those texts only.</summary>
    /// <param name="query">The query.</param>
    /// <param name="documents">The indexes of the texts searched, each once.</param>
    /// <returns>One score per listed text, in the order listed; 0 for a text that has none of the query's content words.</returns>
    public double[] Score(string query, IReadOnlyList<int> documents)
    {
        int n = documents.Count;
        var scores = new double[n];
        if (n == 0)
        {
            return scores;
        }

        long total = 0;
        foreach (int d in documents)
        {
            total += _lengths[d];
        }

        double meanLength = Math.Max(1.0, (double)total / n);
        HashSet<string> terms = [.. TextTools.ContentStemSequence(query).Select(static t => t.Stem)];
        foreach (string term in terms)
        {
            int df = 0;
            foreach (int d in documents)
            {
                if (_documents[d].ContainsKey(term))
                {
                    df++;
                }
            }

            if (df == 0)
            {
                continue;
            }

            double idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            for (int i = 0; i < n; i++)
            {
                int d = documents[i];
                if (_documents[d].TryGetValue(term, out int tf))
                {
                    double norm = K1 * (1 - B + (B * _lengths[d] / meanLength));
                    scores[i] += idf * (tf * (K1 + 1)) / (tf + norm);
                }
            }
        }

        return scores;
    }
}
