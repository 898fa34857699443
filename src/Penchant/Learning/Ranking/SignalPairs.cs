using System.Text.Json;
using Penchant.Signals;

namespace Penchant.Learning.Ranking;

/// <summary>A pairwise judgement derived from a signal, as text (before features are built).</summary>
/// <param name="Context">The context.</param>
/// <param name="Preferred">The preferred candidate (either one for a tie).</param>
/// <param name="Rejected">The other candidate.</param>
/// <param name="Weight">The loss weight.</param>
/// <param name="Tie">Whether it is a tie.</param>
internal sealed record TextPair(string Context, string Preferred, string Rejected, float Weight, bool Tie);

/// <summary>Turns comparison, rating and choice events into pairwise judgements.</summary>
internal static class SignalPairs
{
    /// <summary>Gets the loss weight of a magnitude ("scaled" Bradley–Terry): slightly 1, clearly 2, much 3; a tie 1.</summary>
    public static float Weight(ComparisonMagnitude magnitude) => magnitude switch
    {
        ComparisonMagnitude.Slightly => 1f,
        ComparisonMagnitude.Clearly => 2f,
        ComparisonMagnitude.Much => 3f,
        _ => 1f,
    };

    /// <summary>Derives the pairs of one user's events: comparisons as they are, a choice as "chosen over each other shown",
    /// ratings in the same context (overall or helpfulness) as "higher over lower", weighted by the gap.</summary>
    public static List<TextPair> FromEvents(IEnumerable<PreferenceEvent> events)
    {
        var pairs = new List<TextPair>();
        var ratings = new Dictionary<string, List<RatingData>>(StringComparer.Ordinal);
        foreach (PreferenceEvent ev in events)
        {
            if (ev.Redacted || ev.Text is null || ev.Data is null)
            {
                continue;
            }

            try
            {
                if (ev.Kind == EventKind.Comparison && JsonSerializer.Deserialize(ev.Data, RankingJsonContext.Default.ComparisonData) is { } c)
                {
                    var magnitude = (ComparisonMagnitude)c.Magnitude;
                    pairs.Add(new TextPair(ev.Text, c.Preferred, c.Rejected, Weight(magnitude), magnitude == ComparisonMagnitude.Tie));
                }
                else if (ev.Kind == EventKind.Choice && JsonSerializer.Deserialize(ev.Data, RankingJsonContext.Default.ChoiceData) is { } choice)
                {
                    for (int i = 0; i < choice.Candidates.Count; i++)
                    {
                        if (i != choice.Chosen && choice.Chosen >= 0 && choice.Chosen < choice.Candidates.Count)
                        {
                            pairs.Add(new TextPair(ev.Text, choice.Candidates[choice.Chosen], choice.Candidates[i], 1f, false));
                        }
                    }
                }
                else if (ev.Kind == EventKind.Rating && JsonSerializer.Deserialize(ev.Data, RankingJsonContext.Default.RatingData) is { } rating
                    && rating.Attribute is null or "overall" or "helpfulness" or "quality")
                {
                    if (!ratings.TryGetValue(ev.Text, out List<RatingData>? list))
                    {
                        list = [];
                        ratings.Add(ev.Text, list);
                    }

                    list.Add(rating);
                }
            }
            catch (JsonException)
            {
                // A malformed payload (written by hand into the store) is not a signal; the rest of the log still counts.
            }
        }

        foreach ((string context, List<RatingData> list) in ratings)
        {
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    double a = Normalize(list[i]), b = Normalize(list[j]);
                    double gap = Math.Abs(a - b);
                    (RatingData hi, RatingData lo) = a >= b ? (list[i], list[j]) : (list[j], list[i]);
                    pairs.Add(new TextPair(context, hi.Response, lo.Response, gap < 1e-9 ? 1f : (float)(1 + (4 * gap)), gap < 1e-9));
                }
            }
        }

        return pairs;
    }

    private static double Normalize(RatingData r) => r.Maximum > r.Minimum ? (r.Score - r.Minimum) / (r.Maximum - r.Minimum) : 0.5;
}
