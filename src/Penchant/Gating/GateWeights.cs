namespace Penchant.Gating;

/// <summary>
/// The weights of the selection gate's logistic model. The defaults come from an L2-regularized (0.001 × pairs) logistic
/// regression on the gate features of every (request, preference) pair of the tune split of <c>eval/selection/cases.jsonl</c>
/// (<c>penchant eval selection --split tune --dump-features FILE</c>), refitted after scope matches became graded; pairs the
/// request overrides are left out of the fit, because <see cref="Overridden"/> is set by hand to a veto: an explicit
/// override must win. Five-fold cross-validation over cases gives the same pair F1 as the fit (0.805 at the 0.4 threshold),
/// so the weights are not tied to particular cases. <see cref="Acceptance"/> is set by hand (no labelled reactions exist in
/// the selection cases, where it is always 0): one dissatisfied reaction lowers the log-odds by 1, one satisfied reaction
/// raises them by 1.
/// </summary>
internal sealed record GateWeights
{
    public static GateWeights Default { get; } = new();

    public double Bias { get; init; } = -3.177;

    public double TextSimilarity { get; init; } = 4.651;

    public double HintSimilarity { get; init; } = 6.001;

    public double ScopeSimilarity { get; init; } = -0.36;

    public double Lexical { get; init; } = 2.181;

    public double ScopeMatch { get; init; } = 1.002;

    public double Relative { get; init; } = 1.591;

    public double Overridden { get; init; } = -8.0;

    public double Neutral { get; init; } = -0.515;

    public double Strength { get; init; } = 1.116;

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
        + (Strength * f.Strength)
        + (Neutral * f.Neutral)
        + (Acceptance * f.Acceptance);
}
