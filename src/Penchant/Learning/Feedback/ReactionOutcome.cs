using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>What recording a reaction found and changed.</summary>
/// <param name="Classification">How the reaction was read.</param>
/// <param name="Write">The event appended and the preferences created (a correction's wish) or changed (acceptance).</param>
public sealed record ReactionOutcome(ReactionClassification Classification, WriteResult Write)
{
    /// <summary>Reads the outcome of recording a reaction: its classification as the write recorded it (the first write's, for a replay).</summary>
    /// <param name="reaction">The reaction as sent.</param>
    /// <param name="written">What recording it wrote.</param>
    /// <returns>The outcome.</returns>
    public static ReactionOutcome From(Reaction reaction, WriteResult written)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        ArgumentNullException.ThrowIfNull(written);
        ReactionClassification classification = written.Signals.Count > 0 && written.Signals[0] is Reaction { Classification: { } recorded }
            ? recorded
            : reaction.Classification ?? ReactionClassification.Neutral;
        return new ReactionOutcome(classification, written);
    }
}
