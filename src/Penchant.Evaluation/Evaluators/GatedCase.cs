using Penchant.Selecting;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// A selection case after the engine has remembered its statements: the user's prepared preferences, the embedded request,
/// which statements each preference came from and whether it applies. Any gate model can then be scored on it, or fitted
/// to it, without remembering again.
/// </summary>
internal sealed class GatedCase(SelectionCase selectionCase, IReadOnlyList<PreparedPreference> prepared, RequestView request, IReadOnlyList<SortedSet<int>> sources)
{
    /// <summary>Gets the case.</summary>
    public SelectionCase Case { get; } = selectionCase;

    /// <summary>Gets the user's current preferences as selection reads them.</summary>
    public IReadOnlyList<PreparedPreference> Prepared { get; } = prepared;

    /// <summary>Gets the request.</summary>
    public RequestView Request { get; } = request;

    /// <summary>Gets, per prepared preference, the indices of the statements among its sources.</summary>
    public IReadOnlyList<SortedSet<int>> Sources { get; } = sources;

    /// <summary>Gets whether each prepared preference applies: one of its statements is expected.</summary>
    public bool[] Labels { get; } = [.. sources.Select(s => s.Overlaps(selectionCase.Expected))];
}
