using Penchant.Domain;
using Penchant.Learning.Edits;

namespace Penchant.Ranking;

/// <summary>Scores candidates by how close their measured style is to the styles the user's edits ask for in this context.</summary>
/// <remarks>Thread-safe; no I/O.</remarks>
internal static class StyleScorer
{
    /// <summary>Logits per unit of distance (the smallest change that counts) from a style, at full confidence.</summary>
    public const double Scale = 1.0;

    /// <summary>Adds each style's centred contribution to the scores, and a factor where it moves a candidate.</summary>
    /// <param name="styles">The styles inferred for the request.</param>
    /// <param name="candidates">The candidates' texts.</param>
    /// <param name="scores">The scores, one per candidate, added to.</param>
    /// <param name="factors">The factors, one list per candidate, added to.</param>
    public static void Score(IReadOnlyList<StylePreference> styles, IReadOnlyList<string> candidates, double[] scores, List<RankingFactor>[] factors)
    {
        int n = candidates.Count;
        if (styles.Count == 0 || n == 0)
        {
            return;
        }

        var levels = new float[n][];
        for (int i = 0; i < n; i++)
        {
            levels[i] = StyleFeatures.Measure(candidates[i]);
        }

        var penalty = new double[n];
        foreach (StylePreference style in styles)
        {
            int f = (int)style.Feature;
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                penalty[i] = -style.Confidence * StyleFeatures.Distance(style.Feature, levels[i][f], (float)style.Level);
                mean += penalty[i] / n;
            }

            for (int i = 0; i < n; i++)
            {
                double c = Scale * (penalty[i] - mean);
                scores[i] += c;
                if (Math.Abs(c) >= 0.05)
                {
                    factors[i].Add(new RankingFactor("edits: " + style.Text, Math.Round(c, 4)));
                }
            }
        }
    }
}
