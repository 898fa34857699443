namespace Penchant.Selecting;

/// <summary>
/// The weights of the selection gate's logistic model. The defaults come from an L2-regularized (0.001) logistic regression
/// on the gate features of every (request, preference) pair of the tune split of <c>eval/selection/cases.jsonl</c>;
/// <see cref="Overridden"/> was then set by hand to a veto, because an explicit override must win, and <see cref="Neutral"/>
/// was added afterwards at −0.5 (tried −0.5 and −1.0; tune F1 0.775 → 0.778, PrefEval unchanged). <see cref="Acceptance"/>
/// is set by hand (no labelled reactions exist in the selection cases, where it is always 0): one dissatisfied reaction
/// lowers the log-odds by 1, one satisfied reaction raises them by 1. The features are similarities in the space of the
/// embedding model (<see cref="Language.EmbeddingModelSettings.Model"/>), so another model needs the weights refitted.
/// </summary>
internal sealed record GateWeights
{
    public static GateWeights Default { get; } = new();

    public double Bias { get; init; } = -2.594;

    public double TextSimilarity { get; init; } = 4.816;

    public double HintSimilarity { get; init; } = 3.027;

    public double ScopeSimilarity { get; init; } = -0.213;

    public double Lexical { get; init; } = -0.824;

    public double ScopeMatch { get; init; } = 1.701;

    public double Relative { get; init; } = 0.984;

    public double Overridden { get; init; } = -8.0;

    public double OutOfScope { get; init; } = -8.0;

    public double Neutral { get; init; } = -0.5;

    public double Strength { get; init; } = 1.27;

    public double Acceptance { get; init; } = 3.0;

    public double Score(in GateFeatures f) =>
        Bias
        + (TextSimilarity * f.TextSimilarity)
        + (HintSimilarity * f.HintSimilarity)
        + (ScopeSimilarity * f.ScopeSimilarity)
        + (Lexical * f.Lexical)
        + (ScopeMatch * f.ScopeMatch)
        + (Relative * f.Relative)
        + (Overridden * f.Overridden)
        + (OutOfScope * f.OutOfScope)
        + (Strength * f.Strength)
        + (Neutral * f.Neutral)
        + (Acceptance * f.Acceptance);
}
