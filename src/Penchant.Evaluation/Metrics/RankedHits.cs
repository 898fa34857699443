namespace Penchant.Evaluation.Metrics;

/// <summary>Hit@k over a ranked list: whether one of the first k items is a hit.</summary>
public static class RankedHits
{
    /// <summary>Returns whether one of the first <paramref name="k"/> items is a hit.</summary>
    /// <param name="hitsInRankOrder">Whether each item is a hit, best ranked first.</param>
    /// <param name="k">How many of the first items count (1 for hit@1).</param>
    /// <returns><see langword="false"/> for an empty list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public static bool HitAt(IReadOnlyList<bool> hitsInRankOrder, int k)
    {
        ArgumentNullException.ThrowIfNull(hitsInRankOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        for (int i = 0; i < hitsInRankOrder.Count && i < k; i++)
        {
            if (hitsInRankOrder[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Orders items by score, highest first; items with equal scores keep their original order (a stable sort).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="score">Scores an item.</param>
    /// <returns>The items, best first.</returns>
    public static IReadOnlyList<T> ByScoreDescending<T>(IEnumerable<T> items, Func<T, double> score)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        return [.. items.OrderByDescending(score)];
    }
}
