namespace Penchant.Evaluation.Evaluators;

/// <summary>What the engine ranked first for a case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Chosen">The index of the candidate ranked first.</param>
/// <param name="ChosenText">That candidate.</param>
public sealed record RankingCaseResult(RankingCase Case, int Chosen, string ChosenText)
{
    /// <summary>Gets a value indicating whether the expected best candidate was ranked first.</summary>
    public bool IsHit => Chosen == Case.Best;
}
