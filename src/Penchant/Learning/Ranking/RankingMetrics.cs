using Penchant.Ranking;
namespace Penchant.Learning.Ranking;

/// <summary>Accuracy and calibration of a ranking model on comparisons.</summary>
internal static class RankingMetrics
{
    /// <summary>Gets the share of non-tie comparisons the model orders as judged.</summary>
    public static double Accuracy(RewardModel model, IReadOnlyList<UserPart>? parts, IReadOnlyList<PairSample> samples)
    {
        int n = 0, right = 0;
        foreach (PairSample s in samples)
        {
            if (s.Tie)
            {
                continue;
            }

            n++;
            UserPart? part = parts is not null && s.User >= 0 ? parts[s.User] : null;
            if (RankingTrainer.Logit(model, part, s.Preferred, s.Rejected) > 0)
            {
                right++;
            }
        }

        return n == 0 ? 0 : (double)right / n;
    }
}
