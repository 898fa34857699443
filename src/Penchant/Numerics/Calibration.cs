namespace Penchant.Numerics;

/// <summary>Calibration of probabilities: temperature and Platt scaling, reliability diagrams and expected calibration error.</summary>
public static class Calibration
{
    /// <summary>Computes the expected calibration error of probabilities against outcomes, over equal-width bins.</summary>
    /// <param name="probabilities">Predicted probabilities of the outcome.</param>
    /// <param name="outcomes">What happened: 1, 0, or 0.5 for a tie.</param>
    /// <param name="bins">The number of bins.</param>
    /// <returns>The bin-weighted mean of |mean probability − mean outcome|; 0 for no data.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<double> outcomes, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (probabilities.Count != outcomes.Count)
        {
            throw new ArgumentException("Every probability needs an outcome.", nameof(outcomes));
        }

        if (probabilities.Count == 0)
        {
            return 0;
        }

        var sumP = new double[bins];
        var sumY = new double[bins];
        var count = new int[bins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            int b = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            sumP[b] += probabilities[i];
            sumY[b] += outcomes[i];
            count[b]++;
        }

        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(sumP[b] - sumY[b]) / probabilities.Count;
            }
        }

        return ece;
    }

    /// <summary>Bins probabilities into a reliability diagram: for each equal-width range, the mean prediction and the mean outcome.</summary>
    /// <param name="probabilities">Predicted probabilities of the outcome.</param>
    /// <param name="outcomes">What happened: 1, 0, or 0.5 for a tie.</param>
    /// <param name="bins">The number of bins.</param>
    /// <returns>The bins, lowest first, empty ones included.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<double> outcomes, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (probabilities.Count != outcomes.Count)
        {
            throw new ArgumentException("Every probability needs an outcome.", nameof(outcomes));
        }

        var sumP = new double[bins];
        var sumY = new double[bins];
        var count = new int[bins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            int b = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            sumP[b] += probabilities[i];
            sumY[b] += outcomes[i];
            count[b]++;
        }

        var result = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++)
        {
            result[b] = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], count[b] == 0 ? 0 : sumP[b] / count[b], count[b] == 0 ? 0 : sumY[b] / count[b]);
        }

        return result;
    }

    /// <summary>Fits Platt scaling: the <c>a</c> and <c>b</c> that minimise the log loss of <c>σ(a·logit + b)</c> on held-out outcomes.</summary>
    /// <param name="logits">Uncalibrated logits (or any scores), held out from the fit that produced them.</param>
    /// <param name="outcomes">Outcomes, 0 or 1.</param>
    /// <returns>The slope and the intercept; (1, 0) for no data.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static (double Slope, double Intercept) FitPlatt(IReadOnlyList<double> logits, IReadOnlyList<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (logits.Count != outcomes.Count)
        {
            throw new ArgumentException("Every logit needs an outcome.", nameof(outcomes));
        }

        if (logits.Count == 0)
        {
            return (1.0, 0.0);
        }

        // Platt's targets: (n₊ + 1) / (n₊ + 2) and 1 / (n₋ + 2) instead of 1 and 0, so a separable set does not drive the slope to infinity.
        double positives = outcomes.Sum();
        double negatives = outcomes.Count - positives;
        double high = (positives + 1) / (positives + 2);
        double low = 1 / (negatives + 2);
        var rows = new double[logits.Count][];
        var targets = new double[logits.Count];
        for (int i = 0; i < logits.Count; i++)
        {
            rows[i] = [logits[i]];
            targets[i] = low + (outcomes[i] * (high - low));
        }

        (double[] weights, double bias) = LogisticRegression.Fit(rows, targets, l2: 0);
        return (weights[0], bias);
    }

    /// <summary>Finds the temperature that minimises the log loss of <c>σ(logit / T)</c> on held-out outcomes.</summary>
    /// <param name="logits">Uncalibrated logits.</param>
    /// <param name="outcomes">Outcomes (1, 0 or 0.5).</param>
    /// <returns>The temperature, between 0.05 and 20; 1 for no data.</returns>
    public static double FitTemperature(IReadOnlyList<double> logits, IReadOnlyList<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (logits.Count == 0)
        {
            return 1.0;
        }

        // Golden-section search on log T: the log loss is unimodal in it.
        double lo = Math.Log(0.05), hi = Math.Log(20);
        double phi = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++)
        {
            double a = hi - (phi * (hi - lo));
            double b = lo + (phi * (hi - lo));
            if (Loss(Math.Exp(a)) < Loss(Math.Exp(b)))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return Math.Exp((lo + hi) / 2);

        double Loss(double t)
        {
            double loss = 0;
            for (int i = 0; i < logits.Count; i++)
            {
                double p = Math.Clamp(Logistic.Sigmoid(logits[i] / t), 1e-9, 1 - 1e-9);
                loss -= (outcomes[i] * Math.Log(p)) + ((1 - outcomes[i]) * Math.Log(1 - p));
            }

            return loss;
        }
    }

    /// <summary>
    /// Finds the share <c>s</c> in [0, 1] of one part of the logits that minimises the log loss of <c>σ(fixed + s·scaled)</c>
    /// on held-out outcomes: how much of a part fitted on few comparisons is signal rather than noise.
    /// </summary>
    /// <param name="fixedLogits">The part of each logit that is kept.</param>
    /// <param name="scaledLogits">The part of each logit that is scaled.</param>
    /// <param name="outcomes">Outcomes (1, 0 or 0.5).</param>
    /// <returns>The share; 1 for no data.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double FitShare(IReadOnlyList<double> fixedLogits, IReadOnlyList<double> scaledLogits, IReadOnlyList<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(fixedLogits);
        ArgumentNullException.ThrowIfNull(scaledLogits);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (fixedLogits.Count != scaledLogits.Count || fixedLogits.Count != outcomes.Count)
        {
            throw new ArgumentException("Every logit needs both parts and an outcome.", nameof(outcomes));
        }

        if (fixedLogits.Count == 0)
        {
            return 1.0;
        }

        // Golden-section search: the log loss is convex in the share.
        double lo = 0, hi = 1;
        double phi = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 40; i++)
        {
            double a = hi - (phi * (hi - lo));
            double b = lo + (phi * (hi - lo));
            if (Loss(a) < Loss(b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        double best = (lo + hi) / 2;

        // The ends are candidates too: the search only narrows towards them.
        return new[] { 0.0, best, 1.0 }.MinBy(Loss);

        double Loss(double share)
        {
            double loss = 0;
            for (int i = 0; i < fixedLogits.Count; i++)
            {
                double p = Math.Clamp(Logistic.Sigmoid(fixedLogits[i] + (share * scaledLogits[i])), 1e-9, 1 - 1e-9);
                loss -= (outcomes[i] * Math.Log(p)) + ((1 - outcomes[i]) * Math.Log(1 - p));
            }

            return loss;
        }
    }
}
