namespace Penchant.Gating;

/// <summary>
/// The weights of the selection gate's logistic model. The defaults come from an L2-regularized (0.001) logistic regression
/// on the gate features of every (request, preference) pair of the tune split of <c>eval/selection/cases.jsonl</c>, refitted
/// when <see cref="TextLift"/> and <see cref="HintLift"/> were added (5-fold cross-validated pair F1 on tune 0.759 → 0.770).
/// <see cref="Bias"/> was then lowered by 0.405 (the fitted −2.221, as if the threshold were 0.5 instead of 0.4): at the
/// fitted bias PrefEval's precision fell to 0.776 (target ≥ 0.8); lowered, it is 0.841 with hit1 0.913.
/// <see cref="Overridden"/> is set by hand to a veto, because an explicit override must win. <see cref="Acceptance"/>
/// is set by hand (no labelled reactions exist in the selection cases, where it is always 0): one dissatisfied reaction
/// lowers the log-odds by 1, one satisfied reaction raises them by 1.
/// </summary>
internal sealed record GateWeights
{
    public static GateWeights Default { get; } = new();

    public double Bias { get; init; } = -2.626;

    public double TextSimilarity { get; init; } = 2.196;

    public double HintSimilarity { get; init; } = 3.978;

    public double TextLift { get; init; } = 3.248;

    public double HintLift { get; init; } = 3.213;

    public double ScopeSimilarity { get; init; } = 0.294;

    public double Lexical { get; init; } = -0.592;

    public double ScopeMatch { get; init; } = 0.887;

    public double Relative { get; init; } = 0.93;

    public double Overridden { get; init; } = -8.0;

    public double Neutral { get; init; } = -0.641;

    public double Strength { get; init; } = 0.815;

    public double Acceptance { get; init; } = 3.0;

    public double Score(in GateFeatures f) =>
        Bias
        + (TextSimilarity * f.TextSimilarity)
        + (HintSimilarity * f.HintSimilarity)
        + (TextLift * f.TextLift)
        + (HintLift * f.HintLift)
        + (ScopeSimilarity * f.ScopeSimilarity)
        + (Lexical * f.Lexical)
        + (ScopeMatch * f.ScopeMatch)
        + (Relative * f.Relative)
        + (Overridden * f.Overridden)
        + (Strength * f.Strength)
        + (Neutral * f.Neutral)
        + (Acceptance * f.Acceptance);
}
