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

    /// <summary>Scores the candidates; contributions are centred per clause so that they sum to zero over the candidates.</summary>
    /// <param name="preferences">The applicable preferences.</param>
    /// <param name="candidates">The candidates.</param>
    /// <param name="factors">Receives, per candidate, the preferences it satisfies or violates.</param>
    /// <returns>One score per candidate.</returns>
    public static double[] Score(IReadOnlyList<RankingPreference> preferences, IReadOnlyList<RankingCandidate> candidates, List<RankingFactor>[] factors)
    {
        int n = candidates.Count;
        var total = new double[n];
        var raw = new double[n];
        var perPreference = new double[n];
        foreach (RankingPreference p in preferences)
        {
            Array.Clear(perPreference);
            for (int c = 0; c < p.Clauses.Count; c++)
            {
                PreferenceClause clause = p.Clauses[c];
                double mean = 0;
                for (int i = 0; i < n; i++)
                {
                    RankingCandidate candidate = candidates[i];
                    double similarity = TensorPrimitives.CosineSimilarity(p.Vectors[c], candidate.Vector);
                    double lexical = TextTools.Coverage(clause.Stems, candidate.Stems);
                    double match = (SimilarityWeight * similarity) + (LexicalWeight * lexical);
                    raw[i] = clause.Negative
                        ? (lexical > 0 && ExcludesAny(candidate.Lower, clause.Stems) ? LexicalWeight * lexical : -match)
                        : match;
                    mean += raw[i] / n;
                }

                for (int i = 0; i < n; i++)
                {
                    perPreference[i] += raw[i] - mean;
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

    /// <summary>Whether the candidate mentions one of the stems only to exclude it ("gluten-free", "without meat", "no emojis").</summary>
    public static bool ExcludesAny(string lower, HashSet<string> stems)
    {
        foreach (Match m in ExclusionPattern().Matches(lower))
        {
            foreach (string word in TextTools.Words(m.Value))
            {
                if (word.Length > 1 && stems.Contains(TextTools.Stem(word)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Describes a number for a factor.</summary>
    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b[\w-]+[- ]free\b|\b(?:no|without|free of|non|zero|avoids?|skip|minus|excluding|except|nothing)[- ](?:\w+[- ]){0,2}\w+", RegexOptions.CultureInvariant)]
    private static partial Regex ExclusionPattern();
}
