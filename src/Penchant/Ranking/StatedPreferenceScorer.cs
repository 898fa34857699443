using System.Globalization;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Text;

namespace Penchant.Ranking;

/// <summary>A stated preference prepared for ranking: how much it applies to the request, and its clauses with their embeddings.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Weight">How much it counts: the probability that it applies to the request, times its strength.</param>
/// <param name="Clauses">Its clauses.</param>
/// <param name="Vectors">The embedding of each clause's object.</param>
internal sealed record RankingPreference(Preference Preference, double Weight, IReadOnlyList<PreferenceClause> Clauses, IReadOnlyList<float[]> Vectors);

/// <summary>A candidate prepared for ranking: its text, lower-cased text, content stems and embedding.</summary>
internal sealed class RankingCandidate
{
    public RankingCandidate(string text, float[] vector)
    {
        Text = text;
        Lower = text.ToLowerInvariant();
        Stems = TextTools.ContentStems(text);
        Vector = vector;
    }

    public string Text { get; }

    public string Lower { get; }

    public HashSet<string> Stems { get; }

    public float[] Vector { get; }
}

/// <summary>
/// Day-one ranking from what the user said: each candidate is compared with the object of each applicable preference's
/// clauses (embedding similarity and shared words); a candidate close to something the user avoids loses, close to
/// something the user asked for gains, and a candidate that explicitly excludes an avoided thing ("gluten-free") gains.
/// </summary>
internal static partial class StatedPreferenceScorer
{
    /// <summary>The weight of embedding similarity.</summary>
    public const double SimilarityWeight = 1.0;

    /// <summary>The weight of shared words.</summary>
    public const double LexicalWeight = 0.5;

    // The words that say something is left out; they are not themselves what is left out ("vegan and cruelty-free").
    private static readonly HashSet<string> ExclusionWords = new(StringComparer.Ordinal)
    {
        "no", "without", "free", "of", "non", "zero", "avoid", "avoids", "skip", "minus", "excluding", "except", "nothing", "minimal",
        "little", "less", "fewer", "low", "limited", "away", "from", "vegan", "faux", "fake", "imitation", "plant", "based",
    };

    /// <summary>Scores the candidates; contributions are centred per clause so that they sum to zero over the candidates.</summary>
    /// <remarks>
    /// A candidate's match with a clause is how much it is about the clause's object: embedding similarity plus shared words
    /// (words that differ only in a short ending count as shared), or, when it mentions the object only to exclude it
    /// ("silicone-free", "vegan leather", "minimal dialogue"), the opposite.
    /// </remarks>
    /// <param name="preferences">The applicable preferences.</param>
    /// <param name="candidates">The candidates.</param>
    /// <param name="factors">Receives, per candidate, the preferences it satisfies or violates.</param>
    /// <returns>One score per candidate.</returns>
    public static double[] Score(IReadOnlyList<RankingPreference> preferences, IReadOnlyList<RankingCandidate> candidates, List<RankingFactor>[] factors)
    {
        int n = candidates.Count;
        var total = new double[n];
        var match = new double[n];
        var perPreference = new double[n];
        foreach (RankingPreference p in preferences)
        {
            Array.Clear(perPreference);
            for (int c = 0; c < p.Clauses.Count; c++)
            {
                PreferenceClause clause = p.Clauses[c];

                // An object that is itself an exclusion ("non-fiction") is matched as it stands.
                bool excludedInObject = ExcludesAny(clause.Object.ToLowerInvariant(), clause.Stems);
                double mean = 0;
                for (int i = 0; i < n; i++)
                {
                    RankingCandidate candidate = candidates[i];
                    double similarity = TensorPrimitives.CosineSimilarity(p.Vectors[c], candidate.Vector);
                    double lexical = Coverage(clause.Stems, candidate.Stems);
                    match[i] = lexical > 0 && ExcludesAny(candidate.Lower, clause.Stems) && !excludedInObject
                        ? -LexicalWeight * lexical
                        : (SimilarityWeight * similarity) + (LexicalWeight * lexical);
                    mean += match[i] / n;
                }

                for (int i = 0; i < n; i++)
                {
                    perPreference[i] += clause.Negative ? mean - match[i] : match[i] - mean;
                }
            }

            for (int i = 0; i < n; i++)
            {
                double contribution = p.Weight * perPreference[i];
                total[i] += contribution;
                if (Math.Abs(contribution) > 1e-3)
                {
                    string verb = contribution > 0 ? "satisfies" : "violates";
                    factors[i].Add(new RankingFactor($"{verb}: {p.Preference.Text}", contribution, p.Preference.Id));
                }
            }
        }

        return total;
    }

    /// <summary>The share of the stems found in the other set, counting words that differ only in a short ending as one ("silicones", "silicone").</summary>
    private static double Coverage(HashSet<string> of, HashSet<string> within)
    {
        if (of.Count == 0)
        {
            return 0;
        }

        int found = 0;
        foreach (string stem in of)
        {
            if (ContainsLike(within, stem))
            {
                found++;
            }
        }

        return (double)found / of.Count;
    }

    /// <summary>Whether the set holds the stem or one that differs from it only by a short ending.</summary>
    private static bool ContainsLike(HashSet<string> stems, string stem)
    {
        if (stems.Contains(stem))
        {
            return true;
        }

        if (stem.Length < 4)
        {
            return false;
        }

        foreach (string other in stems)
        {
            if (other.Length >= 4 && Math.Abs(other.Length - stem.Length) <= 2
                && (other.StartsWith(stem, StringComparison.Ordinal) || stem.StartsWith(other, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the candidate mentions one of the stems only to exclude it ("gluten-free", "without meat", "no emojis").</summary>
    public static bool ExcludesAny(string lower, HashSet<string> stems)
    {
        foreach (Match m in ExclusionPattern().Matches(lower))
        {
            foreach (string word in TextTools.Words(m.Value))
            {
                if (word.Length > 1 && !ExclusionWords.Contains(word) && ContainsLike(stems, TextTools.Stem(word)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Describes a number for a factor.</summary>
    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b[\w-]+[- ]free\b|\b(?:no|without|free of|non|zero|avoids?|skip|minus|excluding|except|nothing|minimal|little|less|fewer|low|limited|away from|vegan|faux|fake|imitation|plant-based)[- ](?:\w+[- ]){0,2}\w+", RegexOptions.CultureInvariant)]
    private static partial Regex ExclusionPattern();
}
