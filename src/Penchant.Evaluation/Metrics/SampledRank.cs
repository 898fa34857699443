namespace Penchant.Evaluation.Metrics;

/// <summary>
/// The rank of a held-out item among sampled negatives and the metrics read from it: hit rate at k, NDCG at k (one
/// relevant item, so the ideal DCG is 1) and reciprocal rank.
/// </summary>
public static class SampledRank
{
    /// <summary>
    /// Returns the held-out item's 0-based rank: the number of negatives scored at least as high. A tie counts against the
    /// held-out item, so a model that cannot tell items apart is not rewarded by the order candidates happen to come in.
    /// </summary>
    /// <param name="target">The held-out item's score.</param>
    /// <param name="negatives">The negatives' scores.</param>
    /// <returns>The rank, 0 for first.</returns>
    /// <exception cref="ArgumentException">A score is not a number.</exception>
    public static int Rank(double target, ReadOnlySpan<double> negatives)
    {
        if (double.IsNaN(target))
        {
            throw new ArgumentException("The held-out item's score is not a number.", nameof(target));
        }

        int rank = 0;
        foreach (double score in negatives)
        {
            if (double.IsNaN(score))
            {
                throw new ArgumentException("A negative's score is not a number.", nameof(negatives));
            }

            if (score >= target)
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>Returns 1 when the held-out item is among the first <paramref name="k"/>, else 0.</summary>
    /// <param name="rank">The 0-based rank.</param>
    /// <param name="k">How many first places count.</param>
    /// <returns>The hit, 0 or 1.</returns>
    public static double HitAt(int rank, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return rank < k ? 1 : 0;
    }

    /// <summary>Returns NDCG at <paramref name="k"/> for one relevant item: <c>1 / log₂(rank + 2)</c> when it is among the first k, else 0.</summary>
    /// <param name="rank">The 0-based rank.</param>
    /// <param name="k">How many first places count.</param>
    /// <returns>The gain, between 0 and 1.</returns>
    public static double NdcgAt(int rank, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return rank < k ? 1 / Math.Log2(rank + 2) : 0;
    }

    /// <summary>Returns the reciprocal rank, <c>1 / (rank + 1)</c>.</summary>
    /// <param name="rank">The 0-based rank.</param>
    /// <returns>The reciprocal rank.</returns>
    public static double Reciprocal(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        return 1.0 / (rank + 1);
    }
}
