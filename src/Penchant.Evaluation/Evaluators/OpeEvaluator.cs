using Penchant.Deciding;
using Penchant.Evaluation.Datasets;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Off-policy evaluation on the Open Bandit Dataset: the Bernoulli Thompson sampling (BTS) policy's click rate estimated
/// from the uniform-random policy's logs of the same campaign, compared with the rate BTS got in its own logs.
/// </summary>
/// <remarks>
/// BTS is context-free, so its action distribution per position, π(item | position), is read from its own logs as the
/// frequency of each item at each position over the week (its decisions, not its clicks). The reward model of the direct
/// method is each item's click rate in the random logs shrunk toward the overall rate by one pseudo-click
/// (α = 1 / overall rate pseudo-impressions), fixed before looking at the estimates. Intervals are 95% normal intervals.
/// </remarks>
public static class OpeEvaluator
{
    /// <summary>Runs the evaluation for one campaign.</summary>
    /// <param name="directory">The Open Bandit folder.</param>
    /// <param name="campaign">The campaign (<c>men</c>, <c>women</c>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    /// <exception cref="EvaluationInputException">The logs are missing, malformed or without clicks.</exception>
    public static async Task<OpeReport> RunAsync(string directory, string campaign, CancellationToken cancellationToken)
    {
        IReadOnlyList<OpenBanditRow> random = await OpenBanditData.ReadAsync(directory, "random", campaign, cancellationToken);
        IReadOnlyList<OpenBanditRow> thompson = await OpenBanditData.ReadAsync(directory, "bts", campaign, cancellationToken);
        return Evaluate(campaign, random, thompson);
    }

    /// <summary>Estimates the evaluation policy's value from the logging policy's rows.</summary>
    /// <param name="campaign">The campaign's name.</param>
    /// <param name="logged">The logging (random) policy's rows.</param>
    /// <param name="target">The evaluation (BTS) policy's own rows: its action distribution and its on-policy click rate.</param>
    /// <returns>The report.</returns>
    /// <exception cref="EvaluationInputException">Either log is empty, or the random logs have no click.</exception>
    public static OpeReport Evaluate(string campaign, IReadOnlyList<OpenBanditRow> logged, IReadOnlyList<OpenBanditRow> target)
    {
        ArgumentNullException.ThrowIfNull(logged);
        ArgumentNullException.ThrowIfNull(target);
        if (logged.Count == 0 || target.Count == 0)
        {
            throw new EvaluationInputException($"campaign '{campaign}': both policies need logged impressions.");
        }

        int items = 1 + Math.Max(logged.Max(static r => r.Item), target.Max(static r => r.Item));
        int positions = 1 + Math.Max(logged.Max(static r => r.Position), target.Max(static r => r.Position));

        // π(item | position) from the target policy's own choices.
        double[,] policy = new double[positions, items];
        double[] shown = new double[positions];
        foreach (OpenBanditRow row in target)
        {
            policy[row.Position, row.Item]++;
            shown[row.Position]++;
        }

        for (int p = 0; p < positions; p++)
        {
            for (int i = 0; i < items; i++)
            {
                policy[p, i] = shown[p] > 0 ? policy[p, i] / shown[p] : 1.0 / items;
            }
        }

        // The direct method's reward model: per-item click rates shrunk toward the overall rate by one pseudo-click.
        double overall = logged.Count(static r => r.Click) / (double)logged.Count;
        if (overall <= 0)
        {
            throw new EvaluationInputException($"campaign '{campaign}': the random logs have no click to learn from.");
        }

        double prior = 1.0 / overall;
        double[] clicks = new double[items], impressions = new double[items];
        foreach (OpenBanditRow row in logged)
        {
            impressions[row.Item]++;
            clicks[row.Item] += row.Click ? 1 : 0;
        }

        double[] predicted = new double[items];
        for (int i = 0; i < items; i++)
        {
            predicted[i] = (clicks[i] + (prior * overall)) / (impressions[i] + prior);
        }

        int n = logged.Count;
        double[] weights = new double[n], rewards = new double[n], predictedLogged = new double[n], direct = new double[n];
        for (int j = 0; j < n; j++)
        {
            OpenBanditRow row = logged[j];
            weights[j] = policy[row.Position, row.Item] / row.Propensity;
            rewards[j] = row.Click ? 1 : 0;
            predictedLogged[j] = predicted[row.Item];
            double dm = 0;
            for (int i = 0; i < items; i++)
            {
                dm += policy[row.Position, i] * predicted[i];
            }

            direct[j] = dm;
        }

        double[] truthTerms = [.. target.Select(static r => r.Click ? 1.0 : 0.0)];
        return new OpeReport(campaign, OffPolicyEstimators.MeanInterval(truthTerms), OffPolicyEstimators.Estimate(weights, rewards, predictedLogged, direct));
    }
}
