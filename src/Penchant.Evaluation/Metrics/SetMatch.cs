namespace Penchant.Evaluation.Metrics;

/// <summary>
/// Matches selected items to expected ones through their sources: a selected item is correct when one of its sources
/// is expected, and an expected source is found when some selected item has it.
/// </summary>
public static class SetMatch
{
    /// <summary>Scores one case's selection.</summary>
    /// <param name="selectedSources">The sources of each selected item, in selection order (an item may have none).</param>
    /// <param name="expected">The expected sources.</param>
    /// <returns>For each selected item whether it is correct, and how many distinct expected sources were found.</returns>
    public static (bool[] Correct, int Found) Match(IReadOnlyList<IEnumerable<int>> selectedSources, IReadOnlySet<int> expected)
    {
        ArgumentNullException.ThrowIfNull(selectedSources);
        ArgumentNullException.ThrowIfNull(expected);
        var correct = new bool[selectedSources.Count];
        var found = new HashSet<int>();
        for (int i = 0; i < correct.Length; i++)
        {
            foreach (int source in selectedSources[i])
            {
                if (expected.Contains(source))
                {
                    correct[i] = true;
                    found.Add(source);
                }
            }
        }

        return (correct, found.Count);
    }

    /// <summary>Returns whether a case is exactly right: every expected source found and every selected item correct.</summary>
    /// <param name="selected">How many items were selected.</param>
    /// <param name="correct">How many of them are correct.</param>
    /// <param name="expected">How many sources were expected.</param>
    /// <param name="found">How many of them were found.</param>
    /// <returns><see langword="true"/> when nothing is missing and nothing is wrong (so selecting nothing when nothing is expected is exact).</returns>
    public static bool IsExact(int selected, int correct, int expected, int found) => found == expected && correct == selected;
}
