using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>One ranker's next-item metrics on one held-out item per user.</summary>
/// <param name="Users">Users scored.</param>
/// <param name="Hr1">Share ranked first.</param>
/// <param name="Hr5">Share ranked in the first 5.</param>
/// <param name="Hr10">Share ranked in the first 10.</param>
/// <param name="Ndcg5">Mean NDCG@5.</param>
/// <param name="Ndcg10">Mean NDCG@10.</param>
/// <param name="Mrr">Mean reciprocal rank.</param>
public sealed record NextItemScores(int Users, double Hr1, double Hr5, double Hr10, double Ndcg5, double Ndcg10, double Mrr)
{
    /// <summary>Reads the scores from a tally.</summary>
    /// <param name="tally">The tally.</param>
    /// <returns>The scores.</returns>
    public static NextItemScores From(NextItemTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new(tally.Users, tally.Hr1, tally.Hr5, tally.Hr10, tally.Ndcg5, tally.Ndcg10, tally.Mrr);
    }
}
