using System.Numerics.Tensors;
using Penchant.Language;

namespace Penchant.Learning.Feedback;

/// <summary>
/// The features the learned reaction classifier reads: the follow-up's sentence embedding (scaled), its similarity to the
/// earlier request (asked again?) and to the answer, and general closed-class cues (<see cref="ReactionCues"/>: thanks,
/// praise, "it worked", "wrong", "too long", complaints, sarcasm, a contrast; a question; its length).
/// </summary>
internal static class ReactionFeatures
{
    /// <summary>The scale of the embedding's components, so that they weigh like the 0/1 cues (a unit vector of 384 components).</summary>
    private const double EmbeddingScale = 8.0;

    /// <summary>Gets the names of the features after the embedding, in order.</summary>
    public static IReadOnlyList<string> CueNames { get; } = BuildCueNames();

    /// <summary>Gets the number of features for an embedding of <paramref name="dimensions"/> components.</summary>
    public static int Count(int dimensions) => dimensions + CueNames.Count;

    /// <summary>Computes the features of a follow-up.</summary>
    /// <param name="turn">The follow-up message.</param>
    /// <param name="turnVector">Its embedding.</param>
    /// <param name="requestVector">The embedding of the earlier request, or empty when unknown.</param>
    /// <param name="answerVector">The embedding of the answer, or empty when unknown.</param>
    /// <returns>The features: the embedding's components, then <see cref="CueNames"/>.</returns>
    public static double[] Compute(string turn, ReadOnlySpan<float> turnVector, ReadOnlySpan<float> requestVector, ReadOnlySpan<float> answerVector)
    {
        string lower = turn.Trim().ToLowerInvariant().Replace('’', '\'');
        var x = new double[Count(turnVector.Length)];
        for (int i = 0; i < turnVector.Length; i++)
        {
            x[i] = EmbeddingScale * turnVector[i];
        }

        int at = turnVector.Length;
        foreach ((System.Text.RegularExpressions.Regex pattern, _, _) in ReactionCues.Satisfied)
        {
            x[at++] = pattern.IsMatch(lower) ? 1 : 0;
        }

        foreach ((System.Text.RegularExpressions.Regex pattern, _, _) in ReactionCues.Dissatisfied)
        {
            x[at++] = pattern.IsMatch(lower) ? 1 : 0;
        }

        x[at++] = ReactionCues.Sarcasm.IsMatch(lower) ? 1 : 0;
        x[at++] = ReactionCues.Contrast.IsMatch(lower) ? 1 : 0;
        x[at++] = ReactionCues.Wish.IsMatch(lower) ? 1 : 0;
        x[at++] = lower.TrimEnd().EndsWith('?') ? 1 : 0;
        x[at++] = FunctionWords.QuestionStart().IsMatch(lower) ? 1 : 0;
        x[at++] = FunctionWords.AddressesAssistant().IsMatch(lower) ? 1 : 0;
        x[at++] = Negation.StatementCue().IsMatch(lower) ? 1 : 0;
        x[at++] = lower.Contains('!', StringComparison.Ordinal) ? 1 : 0;
        x[at++] = Math.Log(1 + TextTools.Words(lower).Count) / 3;
        double repeat = requestVector.Length == turnVector.Length && turnVector.Length > 0 ? TensorPrimitives.CosineSimilarity(turnVector, requestVector) : 0;
        double echo = answerVector.Length == turnVector.Length && turnVector.Length > 0 ? TensorPrimitives.CosineSimilarity(turnVector, answerVector) : 0;
        x[at++] = repeat;
        x[at++] = Math.Max(0, repeat - EmbeddingModelSettings.Default.RepeatSimilarity) * 5;
        x[at++] = echo;
        return x;
    }

    private static List<string> BuildCueNames()
    {
        var names = new List<string>();
        names.AddRange(ReactionCues.Satisfied.Select(static c => "satisfied: " + c.Reason));
        names.AddRange(ReactionCues.Dissatisfied.Select(static c => "dissatisfied: " + c.Reason));
        names.AddRange(["sarcasm", "contrast", "wish", "question mark", "question start", "addresses the assistant", "negation", "exclamation", "log length", "similarity to request", "request asked again", "similarity to answer"]);
        return names;
    }
}
