namespace Penchant.Cli.Evaluation;

/// <summary>One selection case: statements to remember, a request, and the statement indices that should be selected.</summary>
/// <param name="Line">The line of the cases file it came from.</param>
/// <param name="Id">The case identifier.</param>
/// <param name="Statements">The statements, remembered in order.</param>
/// <param name="Request">The request to select for.</param>
/// <param name="Expected">The indices of the statements whose preferences apply.</param>
/// <param name="Category">The category, if the case has one.</param>
internal sealed record SelectionCase(
    int Line,
    string Id,
    IReadOnlyList<CaseStatement> Statements,
    string Request,
    IReadOnlyList<int> Expected,
    string? Category);

/// <summary>A statement of a case.</summary>
/// <param name="Text">What the user said.</param>
/// <param name="At">When, if given.</param>
internal sealed record CaseStatement(string Text, DateTimeOffset? At);

/// <summary>A selected preference, mapped back to the statements it came from.</summary>
/// <param name="Text">The preference text.</param>
/// <param name="Probability">The probability the engine gave.</param>
/// <param name="StatementIndices">The indices of the statements among its sources.</param>
/// <param name="IsCorrect">Whether one of those statements is expected.</param>
internal sealed record SelectedStatement(string Text, double Probability, IReadOnlyList<int> StatementIndices, bool IsCorrect);

/// <summary>The outcome of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Selected">What was selected.</param>
/// <param name="Found">How many expected indices appear among the selected sources.</param>
internal sealed record SelectionCaseResult(SelectionCase Case, IReadOnlyList<SelectedStatement> Selected, int Found)
{
    /// <summary>Gets the number of correct selected preferences.</summary>
    public int CorrectSelected => Selected.Count(static s => s.IsCorrect);

    /// <summary>Gets a value indicating whether every expected statement is covered and nothing wrong was selected.</summary>
    public bool IsExact => Found == Case.Expected.Count && CorrectSelected == Selected.Count;
}

/// <summary>The result of <c>penchant eval selection</c>.</summary>
/// <param name="Overall">All cases.</param>
/// <param name="Categories">Per category, ordinal by name; empty when no case has a category.</param>
/// <param name="Wrong">The cases that are not exactly right.</param>
internal sealed record SelectionReport(
    SelectionTally Overall,
    IReadOnlyList<KeyValuePair<string, SelectionTally>> Categories,
    IReadOnlyList<SelectionCaseResult> Wrong);
