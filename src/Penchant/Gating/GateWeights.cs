namespace Penchant.Gating;

/// <summary>The weights of the selection gate's logistic model; the defaults were fitted on the team's tuning cases (see <c>eval/README.md</c>).</summary>
internal sealed record GateWeights
{
    public static GateWeights Default { get; } = new();

    public double Bias { get; init; } = -6.0;

    public double TextSimilarity { get; init; } = 9.0;

    public double HintSimilarity { get; init; } = 5.0;

    public double ScopeSimilarity { get; init; } = 1.0;

    public double Lexical { get; init; } = 3.0;

    public double ScopeMatch { get; init; } = 3.0;

    public double Relative { get; init; } = 6.0;

    public double Overridden { get; init; } = -8.0;

    public double Strength { get; init; } = 0.5;

    public double Score(in GateFeatures f) =>
        Bias
        + (TextSimilarity * f.TextSimilarity)
        + (HintSimilarity * f.HintSimilarity)
        + (ScopeSimilarity * f.ScopeSimilarity)
        + (Lexical * f.Lexical)
        + (ScopeMatch * f.ScopeMatch)
        + (Relative * f.Relative)
        + (Overridden * f.Overridden)
        + (Strength * f.Strength);
}
