namespace Penchant.Signals;

/// <summary>A reaction's label, the reason for it and, for a correction, the wish it states.</summary>
/// <param name="Label">The label.</param>
/// <param name="Reason">A short readable reason ("thanks", "asks for a shorter answer", "repeats the request").</param>
/// <param name="Confidence">How sure the classifier is, from 0 to 1.</param>
/// <param name="Wish">
/// For a dissatisfied reaction that says what the user wants instead ("shorter, and no emojis"), that wish in the user's words;
/// otherwise <see langword="null"/>. It becomes a preference scoped to the kind of request it reacted to.
/// </param>
public sealed record ReactionClassification(ReactionLabel Label, string Reason, double Confidence, string? Wish = null)
{
    /// <summary>Gets a neutral classification for when nothing can be read from the message.</summary>
    public static ReactionClassification Neutral { get; } = new(ReactionLabel.Neutral, "no reaction", 0.5);
}
