namespace Penchant.Language;

/// <summary>
/// The cut-offs on cosine similarity that depend on the sentence-embedding model: how close two texts must be, in that
/// model's space, to count as the same preference, the same subject, a scope met, a request asked again. Each model spreads
/// similarities differently (all-MiniLM-L6-v2 puts unrelated sentences near 0.1 and paraphrases above 0.7), so these are
/// settings of the model, not constants of the learners that read them; a different model needs its own profile,
/// re-tuned on the evaluation sets (<c>eval selection</c>, <c>eval hygiene</c>, <c>eval reactions</c>).
/// </summary>
/// <remarks>
/// The cut-offs that hosts may change are in <see cref="PenchantOptions"/> (<see cref="PenchantOptions.DuplicateSimilarity"/>,
/// <see cref="PenchantOptions.RevisionSimilarity"/>) and <c>RuleBasedReactionClassifier.RepeatSimilarity</c>, whose default
/// is <see cref="RepeatSimilarity"/>. The selection gate's model (<c>Selecting/Resources/gate-model.json</c>) is fitted on features
/// measured with the same model and are retrained, not set, for another one.
/// </remarks>
internal sealed record EmbeddingModelSettings
{
    /// <summary>Gets the profile of sentence-transformers/all-MiniLM-L6-v2 (384 dimensions, normalised vectors), the model Penchant ships.</summary>
    public static EmbeddingModelSettings MiniLmL6V2 { get; } = new();

    /// <summary>Gets the profile in use: <see cref="MiniLmL6V2"/>.</summary>
    public static EmbeddingModelSettings Default => MiniLmL6V2;

    /// <summary>Gets the model the values were tuned for.</summary>
    public string Model { get; init; } = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>Gets the least similarity at which two statements naming the same object may be the same preference (statement reconciliation).</summary>
    public double SameObjectSimilarity { get; init; } = 0.30;

    /// <summary>
    /// Gets the least similarity at which two statements taking the same stance on the same object may be the same preference,
    /// whatever the polarity of their wording ("local shops" and "small businesses … than big chains"); no current preference
    /// below it is said again.
    /// </summary>
    public double SameStanceSimilarity { get; init; } = 0.25;

    /// <summary>Gets the least similarity at which two statements sharing an uncovered word (a name, a number) may be the same preference.</summary>
    public double SharedWordSimilarity { get; init; } = 0.45;

    /// <summary>Gets the least similarity at which a statement whose every key word is in the other's is the same preference reworded.</summary>
    public double RewordedSimilarity { get; init; } = 0.5;

    /// <summary>Gets the least similarity at which a statement in the same frame ("my manager is …") revises the other.</summary>
    public double SameFrameSimilarity { get; init; } = 0.5;

    /// <summary>Gets the similarity from which a statement in the same frame is the same value said again rather than a new one.</summary>
    public double SameFrameCeiling { get; init; } = 0.97;

    /// <summary>Gets the least similarity at which a statement of the opposite polarity with half its key words shared reverses the other.</summary>
    public double ReversalSimilarity { get; init; } = 0.7;

    /// <summary>Gets the least similarity of a preference to a lexicon topic for the topic's kinds of requests to be hinted without a key word.</summary>
    public double HintTopicSimilarity { get; init; } = 0.30;

    /// <summary>Gets the similarity from which two preferences are about the same subject (the more specific one outranks the other).</summary>
    public double SameSubjectSimilarity { get; init; } = 0.45;

    /// <summary>Gets how much closer one scope must be to the request than another's for it to be the one meant.</summary>
    public double ScopeMargin { get; init; } = 0.15;

    /// <summary>Gets the similarity of a request to a scope in words at which it is as likely in the scope as not.</summary>
    public double ScopeMet { get; init; } = 0.40;

    /// <summary>Gets how far from <see cref="ScopeMet"/> a request is clearly in (or out of) a scope.</summary>
    public double ScopeBand { get; init; } = 0.15;

    /// <summary>Gets the similarity a request's override must exceed with a preference to set that preference aside.</summary>
    public double OverrideSimilarity { get; init; } = 0.3;

    /// <summary>Gets the least similarity of a rule's chain target to a preference (or its scope) for the rule to bring it in.</summary>
    public double ChainSimilarity { get; init; } = 0.40;

    /// <summary>Gets the similarity to the request from which a selected preference's reasons say it is close in meaning.</summary>
    public double ReasonTextSimilarity { get; init; } = 0.3;

    /// <summary>Gets the similarity to a hinted kind of request from which a selected preference's reasons say it affects requests of this kind.</summary>
    public double ReasonHintSimilarity { get; init; } = 0.35;

    /// <summary>Gets the similarity of the next message to the earlier request above which it counts as the request asked again.</summary>
    public double RepeatSimilarity { get; init; } = 0.82;
}
