namespace Penchant.Evaluation.Evaluators;

/// <summary>One selection case: statements to remember, a request, and the statement indices that should be selected.</summary>
/// <param name="Line">The line of the cases file it came from.</param>
/// <param name="Id">The case identifier.</param>
/// <param name="Statements">The statements, remembered in order.</param>
/// <param name="Request">The request to select for.</param>
/// <param name="Expected">The indices of the statements whose preferences apply.</param>
/// <param name="Category">The category, if the case has one.</param>
public sealed record SelectionCase(
    int Line,
    string Id,
    IReadOnlyList<CaseStatement> Statements,
    string Request,
    IReadOnlyList<int> Expected,
    string? Category);
