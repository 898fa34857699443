using Penchant.Language;

namespace Penchant.Searching;

/// <summary>
/// Okapi BM25 over a small set of texts (one user's preferences): term frequencies of content-word stems, inverse document
/// frequencies over the set itself, length normalised against the set's mean length.
/// </summary>
/// <remarks>k1 = 1.2 and b = 0.75, the usual defaults (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009).</remarks>
internal sealed class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<Dictionary<string, int>> _documents;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _meanLength;

    /// <summary>Initializes a new instance of the <see cref="Bm25"/> class over texts.</summary>
    /// <param name="texts">The texts, indexed as given.</param>
    public Bm25(IReadOnlyList<string> texts)
    {
        _documents = new List<Dictionary<string, int>>(texts.Count);
        _lengths = new int[texts.Count];
        long total = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach ((string stem, _) in TextTools.ContentStemSequence(texts[i]))
            {
                counts[stem] = counts.GetValueOrDefault(stem) + 1;
                _lengths[i]++;
            }

            foreach (string stem in counts.Keys)
            {
                _documentFrequency[stem] = _documentFrequency.GetValueOrDefault(stem) + 1;
            }

            _documents.Add(counts);
            total += _lengths[i];
        }

        _meanLength = texts.Count == 0 ? 0 : Math.Max(1.0, (double)total / texts.Count);
    }

    /// <summary>Scores every text for a query.</summary>
    /// <param name="query">The query.</param>
    /// <returns>One score per text, in the order given; 0 for a text that has none of the query's content words.</returns>
    public double[] Score(string query)
    {
        var scores = new double[_documents.Count];
        HashSet<string> terms = [.. TextTools.ContentStemSequence(query).Select(static t => t.Stem)];
        int n = _documents.Count;
        foreach (string term in terms)
        {
            if (!_documentFrequency.TryGetValue(term, out int df))
            {
                continue;
            }

            double idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            for (int i = 0; i < n; i++)
            {
                if (_documents[i].TryGetValue(term, out int tf))
                {
                    double norm = K1 * (1 - B + (B * _lengths[i] / _meanLength));
                    scores[i] += idf * (tf * (K1 + 1)) / (tf + norm);
                }
            }
        }

        return scores;
    }
}
