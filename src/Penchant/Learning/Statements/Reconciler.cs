using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Learning.Statements;

/// <summary>
/// Decides how a newly extracted preference relates to the user's current ones: the same thing said again (reinforce),
/// a revision or reversal of one of them (supersede exactly that one), or something new. Never more than one
/// preference is superseded by one statement, so an update cannot retire unrelated preferences.
/// </summary>
internal static partial class Reconciler
{
    /// <summary>Gets the cut-offs on similarity of the embedding model.</summary>
    private static EmbeddingModelSettings Model => EmbeddingModelSettings.Default;

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
        if (sameFrame && best >= Model.SameFrameSimilarity && best < Model.SameFrameCeiling)
        {
            return new Decision(DecisionKind.Supersede, nearest, best);
        }

        // The same thing said again, checked against every close preference (nearest first): see SaysAgain.
        if (SaysAgain(extracted, vector, current, best, options) is { } again)
        {
            return again;
        }

        if (!samePolarity && best >= Model.ReversalSimilarity && overlap >= 0.5)
        {
            return new Decision(DecisionKind.Supersede, nearest, best);
        }

        return new Decision(DecisionKind.Create, null, best);
    }

    /// <summary>
    /// Finds the current preference the statement says again. Never when each names a thing the other does not ("allergic
    /// to peanuts" vs "allergic to dogs", "morning meetings" vs "no meetings on Fridays") or one is for a thing the other
    /// is against ("dark mode" vs "light mode"): merging two different preferences loses one, which is worse than a copy. Otherwise the same, with the same polarity, when very close in meaning, close
    /// with every key word of the shorter wording in the longer, or naming the same name or number while somewhat close; and,
    /// whatever the polarity (when neither has a scope the other does not name), when both name the same object (the
    /// thesaurus makes "gangway" an aisle) and neither adds a condition the other lacks; the bar is lower when both take the
    /// same stance on it ("never check a bag" and "carry-on only").
    /// </summary>
    private static Decision? SaysAgain(ExtractedPreference extracted, ReadOnlySpan<float> vector, IReadOnlyList<Preference> current, double best, PenchantOptions options)
    {
        if (best < Model.SameStanceSimilarity)
        {
            return null;
        }

        var candidates = new List<(double Similarity, Preference Preference)>();
        for (int i = 0; i < current.Count; i++)
        {
            double similarity = TensorPrimitives.Dot(vector, current[i].Embedding.Span);
            if (similarity >= Model.SameStanceSimilarity)
            {
                candidates.Add((similarity, current[i]));
            }
        }

        candidates.Sort(static (a, b) => b.Similarity.CompareTo(a.Similarity));
        ObjectKey key = ObjectKey.Of(extracted.Text);
        foreach ((double similarity, Preference candidate) in candidates)
        {
            ObjectKey.Agreement agreement = key.CompareTo(ObjectKey.Of(candidate.Text));
            if (agreement.Clash || agreement.StanceClash || (extracted.Scope.IsScoped && candidate.Scope.IsScoped && !SameScope(extracted, candidate)))
            {
                continue;
            }

            // The same object with nothing the other lacks. The polarity of the whole sentence may differ when it belongs to
            // the wording ("aisle seat, never the middle") rather than to the object, but not when one holds under a condition
            // the other does not name: "no garlic when cooking for my in-laws" is an exception to "I love garlic", not a copy.
            bool sameObject = agreement.SharedObject && !agreement.SoftClash;
            bool samePolarity = candidate.Polarity == extracted.Polarity;
            if ((samePolarity && similarity >= Model.SameObjectSimilarity && (similarity >= options.DuplicateSimilarity
                    || (similarity >= Model.RewordedSimilarity && Overlap(extracted.Text, candidate.Text) >= 1.0)
                    || (agreement.SharedWord && similarity >= Model.SharedWordSimilarity)
                    || sameObject))
                || (sameObject && similarity >= (agreement.SameStance ? Model.SameStanceSimilarity : Model.SharedWordSimilarity) && SameScope(extracted, candidate)))
            {
                return new Decision(DecisionKind.Reinforce, candidate, similarity);
            }
        }

        return null;
    }

    /// <summary>
    /// Gets whether two statements hold under the same condition: both unscoped, or the scope of one is named in the
    /// other's words ("on calls, audio-only" and "camera off on video calls") or things ("for hotels" and "book
    /// accommodation"), or both scoped with scopes sharing a word or a thing ("for trips under 500 km" and "if the distance
    /// is less than 500 kilometres", but not "when I travel for work").
    /// </summary>
    private static bool SameScope(ExtractedPreference extracted, Preference candidate)
    {
        (PreferenceScope mine, PreferenceScope theirs) = (extracted.Scope, candidate.Scope);
        if (!mine.IsScoped && !theirs.IsScoped)
        {
            return true;
        }

        if (mine.IsScoped && theirs.IsScoped)
        {
            return mine.Text is null || theirs.Text is null
                || Names(mine.Text, candidate.Text) || Names(theirs.Text, extracted.Text)
                || TextTools.ContentStems(mine.Text).Overlaps(TextTools.ContentStems(theirs.Text))
                || ObjectKey.Of(mine.Text).Concepts.Overlaps(ObjectKey.Of(theirs.Text).Concepts);
        }

        (string? scope, string other) = mine.IsScoped ? (mine.Text, candidate.Text) : (theirs.Text, extracted.Text);
        return scope is not null && Names(scope, other);
    }

    /// <summary>Gets whether a text names every word or every thing of a scope.</summary>
    private static bool Names(string scope, string text)
    {
        ObjectKey scopeKey = ObjectKey.Of(scope), textKey = ObjectKey.Of(text);
        return TextTools.Coverage(TextTools.ContentStems(scope), TextTools.ContentStems(text)) >= 1.0
            || (scopeKey.Concepts.Count > 0 && scopeKey.Concepts.IsSubsetOf(textKey.Concepts) && scopeKey.Residual.IsSubsetOf(textKey.Residual));
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

    [GeneratedRegex(@"\b(?<frame>i live in|i'?m based in|i work (at|for|as)|i drive|my (budget|phone|car|address|manager|boss) is|i use an?|my name is|call me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FramePattern();

    internal enum DecisionKind
    {
        Create,
        Reinforce,
        Supersede,
    }

    internal readonly record struct Decision(DecisionKind Kind, Preference? Existing, double Similarity);
}
