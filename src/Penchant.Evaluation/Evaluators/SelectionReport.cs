using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of <c>penchant eval selection</c>.</summary>
/// <param name="Overall">All cases.</param>
/// <param name="Categories">Per category, ordinal by name; empty when no case has a category.</param>
/// <param name="Wrong">The cases that are not exactly right.</param>
public sealed record SelectionReport(
    SelectionTally Overall,
    IReadOnlyList<KeyValuePair<string, SelectionTally>> Categories,
    IReadOnlyList<SelectionCaseResult> Wrong);
