using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of <c>penchant eval prefeval</c>.</summary>
/// <param name="Turns">The number of filler pairs.</param>
/// <param name="Overall">All items.</param>
/// <param name="Topics">Per topic, ordinal by name.</param>
/// <param name="Misses">The items whose most probable selection is not the preference.</param>
/// <param name="FalseSelections">Every selected preference that is not a hit, by text, with the number of items that
/// selected it, most often first (what lowers precision: mostly preferences the filler turns yielded).</param>
public sealed record PrefEvalReport(
    int Turns,
    PrefEvalTally Overall,
    IReadOnlyList<KeyValuePair<string, PrefEvalTally>> Topics,
    IReadOnlyList<PrefEvalItemResult> Misses,
    IReadOnlyList<KeyValuePair<string, int>> FalseSelections)
{
    /// <summary>Tallies item results overall and per topic; the misses are the items without a hit at 1.</summary>
    public static PrefEvalReport From(int turns, IReadOnlyList<PrefEvalItemResult> results)
    {
            var overall = new PrefEvalTally();
            var topics = new SortedDictionary<string, PrefEvalTally>(StringComparer.Ordinal);
            var misses = new List<PrefEvalItemResult>();
            var falseSelections = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (PrefEvalItemResult result in results)
            {
                foreach (SelectedStatement selected in result.Selected.Where(static s => !s.IsCorrect))
                {
                    falseSelections[selected.Text] = falseSelections.GetValueOrDefault(selected.Text) + 1;
                }

                Add(overall, result);
                if (!topics.TryGetValue(result.Item.Topic, out PrefEvalTally? tally))
                {
                    tally = new PrefEvalTally();
                    topics.Add(result.Item.Topic, tally);
                }

                Add(tally, result);
                if (!result.Hit1)
                {
                    misses.Add(result);
                }
            }

        KeyValuePair<string, int>[] falses = [.. falseSelections
            .OrderByDescending(static p => p.Value)
            .ThenBy(static p => p.Key, StringComparer.Ordinal)];
        return new PrefEvalReport(turns, overall, [.. topics], misses, falses);
    }

    private static void Add(PrefEvalTally tally, PrefEvalItemResult result) =>
        tally.Add(result.Selected.Count, result.Hits, result.Hit1, result.Hit5);
}
