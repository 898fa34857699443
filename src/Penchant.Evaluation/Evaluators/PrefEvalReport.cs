using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of <c>penchant eval prefeval</c>.</summary>
/// <param name="Turns">The number of filler pairs.</param>
/// <param name="Overall">All items.</param>
/// <param name="Topics">Per topic, ordinal by name.</param>
/// <param name="Misses">The items whose most probable selection is not the preference.</param>
public sealed record PrefEvalReport(
    int Turns,
    PrefEvalTally Overall,
    IReadOnlyList<KeyValuePair<string, PrefEvalTally>> Topics,
    IReadOnlyList<PrefEvalItemResult> Misses)
{
    /// <summary>Tallies item results overall and per topic; the misses are the items without a hit at 1.</summary>
    public static PrefEvalReport From(int turns, IReadOnlyList<PrefEvalItemResult> results)
    {
            var overall = new PrefEvalTally();
            var topics = new SortedDictionary<string, PrefEvalTally>(StringComparer.Ordinal);
            var misses = new List<PrefEvalItemResult>();
            foreach (PrefEvalItemResult result in results)
            {
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

        return new PrefEvalReport(turns, overall, [.. topics], misses);
    }

    private static void Add(PrefEvalTally tally, PrefEvalItemResult result) =>
        tally.Add(result.Selected.Count, result.Hits, result.Hit1, result.Hit5);
}
