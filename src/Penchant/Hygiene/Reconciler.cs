using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Extraction;
using Penchant.Text;

namespace Penchant.Hygiene;

/// <summary>
/// Decides how a newly extracted preference relates to the user's current ones: the same thing said again (reinforce),
/// a revision or reversal of one of them (supersede exactly that one), or something new. Never more than one
/// preference is superseded by one statement, so an update cannot retire unrelated preferences.
/// </summary>
internal static partial class Reconciler
{
    public static Decision Decide(ExtractedPreference extracted, ReadOnlySpan<float> vector, IReadOnlyList<Preference> current, PenchantOptions options)
    {
        int bestIndex = -1;
        double best = double.MinValue;
        for (int i = 0; i < current.Count; i++)
        {
            double similarity = TensorPrimitives.Dot(vector, current[i].Embedding.Span);
            if (similarity > best)
            {
                best = similarity;
                bestIndex = i;
            }
        }

        if (bestIndex < 0)
        {
            return new Decision(DecisionKind.Create, null, 0);
        }

        Preference nearest = current[bestIndex];
        bool samePolarity = nearest.Polarity == extracted.Polarity;
        double overlap = Overlap(extracted.Text, nearest.Text);

        // A revision names what it changes: a cue ("again", "switched", "now") about the same subject,
        // or the same frame ("my manager is …") with a different value.
        if (extracted.SignalsRevision && (best >= options.RevisionSimilarity || overlap > 0))
        {
            return new Decision(DecisionKind.Supersede, nearest, best);
        }

        bool sameFrame = Frame(extracted.Text) is { } frame && frame == Frame(nearest.Text);
        if (sameFrame && best is >= 0.5 and < 0.97)
        {
            return new Decision(DecisionKind.Supersede, nearest, best);
        }

        // The same thing said again: very close in meaning, or close with every key word of the shorter wording in the longer.
        // Closeness alone is not enough below that: "allergic to peanuts" and "allergic to sesame" are close and different.
        if (samePolarity && (best >= options.DuplicateSimilarity || (best >= 0.5 && overlap >= 1.0)))
        {
            return new Decision(DecisionKind.Reinforce, nearest, best);
        }

        if (!samePolarity && best >= 0.7 && overlap >= 0.5)
        {
            return new Decision(DecisionKind.Supersede, nearest, best);
        }

        return new Decision(DecisionKind.Create, null, best);
    }

    private static double Overlap(string a, string b)
    {
        HashSet<string> x = TextTools.ContentStems(a);
        HashSet<string> y = TextTools.ContentStems(b);
        return x.Count <= y.Count ? TextTools.Coverage(x, y) : TextTools.Coverage(y, x);
    }

    private static string? Frame(string text)
    {
        Match match = FramePattern().Match(text.ToLowerInvariant());
        return match.Success ? match.Groups["frame"].Value.Replace("'m", " am", StringComparison.Ordinal) : null;
    }

    [GeneratedRegex(@"\b(?<frame>i live in|i'?m based in|i work (at|for|as)|i drive|my (budget|phone|car|address|manager|boss) is|i use an?|my name is)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FramePattern();

    internal enum DecisionKind
    {
        Create,
        Reinforce,
        Supersede,
    }

    internal readonly record struct Decision(DecisionKind Kind, Preference? Existing, double Similarity);
}
