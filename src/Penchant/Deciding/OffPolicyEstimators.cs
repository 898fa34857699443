namespace Penchant.Deciding;

/// <summary>
/// The off-policy estimators over logged decisions (Dudík, Langford &amp; Li 2011; Swaminathan &amp; Joachims 2015): for
/// decision i, <c>w = π(aᵢ|xᵢ)/μ(aᵢ|xᵢ)</c> is the candidate's probability of the logged action over the logging
/// policy's, <c>r</c> the reward, <c>r̂</c> the reward model's prediction for the logged action, and <c>dm</c> the
/// candidate's expected predicted reward <c>Σₐ π(a|xᵢ) r̂(xᵢ, a)</c>. Intervals are normal (CLT) intervals; SNIPS's
/// standard error comes from the delta method.
/// </summary>
public static class OffPolicyEstimators
{
    /// <summary>Estimates a candidate policy's value.</summary>
    /// <param name="weights">The importance weights w (non-negative).</param>
    /// <param name="rewards">The rewards r.</param>
    /// <param name="predictedLogged">The predicted rewards r̂ of the logged actions.</param>
    /// <param name="directTerms">The candidate's expected predicted rewards dm.</param>
    /// <param name="z">The normal quantile of the interval (1.96 for 95%).</param>
    /// <returns>The estimates.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, or a weight is negative or not finite.</exception>
    public static OffPolicyReport Estimate(ReadOnlySpan<double> weights, ReadOnlySpan<double> rewards, ReadOnlySpan<double> predictedLogged, ReadOnlySpan<double> directTerms, double z = 1.96)
    {
        int n = weights.Length;
        if (n == 0 || rewards.Length != n || predictedLogged.Length != n || directTerms.Length != n)
        {
            throw new ArgumentException("Give one weight, reward, prediction and direct term per decision, for at least one decision.", nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(z);
        double[] ips = new double[n];
        double[] dr = new double[n];
        double weightSum = 0;
        double weightedRewardSum = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights[i];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"Importance weight {i} is {w}; weights are finite and non-negative.", nameof(weights));
            }

            ips[i] = w * rewards[i];
            dr[i] = directTerms[i] + (w * (rewards[i] - predictedLogged[i]));
            weightSum += w;
            weightedRewardSum += w * rewards[i];
        }

        Estimate snips;
        if (weightSum > 0)
        {
            double value = weightedRewardSum / weightSum;
            double squares = 0;
            for (int i = 0; i < n; i++)
            {
                double term = weights[i] * (rewards[i] - value);
                squares += term * term;
            }

            double se = Math.Sqrt(squares) / weightSum;
            snips = new Estimate(value, se, value - (z * se), value + (z * se));
        }
        else
        {
            snips = new Estimate(0, 0, 0, 0);
        }

        return new OffPolicyReport(n, MeanInterval(ips, z), snips, MeanInterval(directTerms, z), MeanInterval(dr, z), weightSum / n);
    }

    /// <summary>The mean of per-decision terms with a normal interval from their sample standard deviation.</summary>
    /// <param name="terms">The terms.</param>
    /// <param name="z">The normal quantile.</param>
    /// <returns>The estimate.</returns>
    public static Estimate MeanInterval(ReadOnlySpan<double> terms, double z = 1.96)
    {
        int n = terms.Length;
        ArgumentOutOfRangeException.ThrowIfZero(n, nameof(terms));
        double mean = 0;
        foreach (double t in terms)
        {
            mean += t;
        }

        mean /= n;
        double squares = 0;
        foreach (double t in terms)
        {
            squares += (t - mean) * (t - mean);
        }

        double se = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : 0;
        return new Estimate(mean, se, mean - (z * se), mean + (z * se));
    }
}
