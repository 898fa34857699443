using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>The baseline of the pluralistic simulations: a model fitted on one user's comparisons alone.</summary>
internal static class IndependentBaseline
{
    /// <summary>
    /// The accuracy of a model fitted on one new user's comparisons alone (no shared part, no prototypes): what a user gets
    /// with no one else's data; 0.5 with no comparisons.
    /// </summary>
    public static double Accuracy(List<PairSample> train, int embeddingDimensions, TrainerOptions trainer, List<PairSample> test, CancellationToken cancellationToken)
    {
        if (train.Count == 0)
        {
            return 0.5;
        }

        (RewardModel own, _) = RankingTrainer.Train([.. train.Select(static s => s with { User = -1 })], 0, embeddingDimensions, trainer with { Prototypes = 0 }, cancellationToken);
        return RankingMetrics.Accuracy(own, null, test);
    }
}
