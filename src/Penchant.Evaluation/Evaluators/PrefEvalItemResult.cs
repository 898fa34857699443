using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The outcome of one PrefEval item.</summary>
/// <param name="Item">The item.</param>
/// <param name="Selected">What was selected, most probable first; <see cref="SelectedStatement.IsCorrect"/> marks hits.</param>
/// <param name="Hit1">Whether the most probable selection is the preference.</param>
/// <param name="Hit5">Whether one of the five most probable is.</param>
public sealed record PrefEvalItemResult(PrefEvalItem Item, IReadOnlyList<SelectedStatement> Selected, bool Hit1, bool Hit5)
{
    /// <summary>Gets the number of selected preferences that are hits.</summary>
    public int Hits => Selected.Count(static s => s.IsCorrect);

    /// <summary>Scores an item's selection: hit@1 and hit@5 over the selected preferences in the order given.</summary>
    /// <param name="item">The item.</param>
    /// <param name="selected">What was selected, most probable (or first applied) first.</param>
    /// <returns>The result.</returns>
    public static PrefEvalItemResult Score(PrefEvalItem item, IReadOnlyList<SelectedStatement> selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        bool[] hits = [.. selected.Select(static s => s.IsCorrect)];
        return new PrefEvalItemResult(item, selected, RankedHits.HitAt(hits, 1), RankedHits.HitAt(hits, 5));
    }
}
