using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The outcome of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Selected">What was selected.</param>
/// <param name="Found">How many expected indices appear among the selected sources.</param>
public sealed record SelectionCaseResult(SelectionCase Case, IReadOnlyList<SelectedStatement> Selected, int Found)
{
    /// <summary>Gets the number of correct selected preferences.</summary>
    public int CorrectSelected => Selected.Count(static s => s.IsCorrect);

    /// <summary>Gets a value indicating whether every expected statement is covered and nothing wrong was selected.</summary>
    public bool IsExact => SetMatch.IsExact(Selected.Count, CorrectSelected, Case.Expected.Count, Found);
}
