namespace Penchant.Evaluation.Evaluators;

/// <summary>The outcome of one multiple-choice item.</summary>
public sealed record McqResult(McqItem Item, int CorrectPosition, int ChosenPosition, IReadOnlyList<string> Shown, bool Level = false, string? Factors = null)
{
    /// <summary>Gets a value indicating whether the correct option was ranked first.</summary>
    public bool Correct => CorrectPosition == ChosenPosition;
}
