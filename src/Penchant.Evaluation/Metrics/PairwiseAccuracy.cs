using Penchant.Numerics;

namespace Penchant.Evaluation.Metrics;

/// <summary>Scores predicted probabilities that the preferred of two items wins: accuracy with a stated tie rule, and calibration.</summary>
public static class PairwiseAccuracy
{
    /// <summary>Returns the credit for one pair: 1 when the probability that the preferred item wins is above one half, 0 below, and <paramref name="tieCredit"/> when it is within <paramref name="tolerance"/> of one half.</summary>
    /// <param name="probability">The predicted probability that the preferred item wins.</param>
    /// <param name="tieCredit">The credit of a tie (0.5 counts it as a coin flip).</param>
    /// <param name="tolerance">How close to one half counts as a tie; with 0 nothing is a tie and exactly one half earns 0.</param>
    /// <returns>The credit.</returns>
    public static double Credit(double probability, double tieCredit = 0, double tolerance = 0) =>
        Math.Abs(probability - 0.5) < tolerance ? tieCredit : probability > 0.5 ? 1 : 0;

    /// <summary>Returns the mean credit over pairs, or 0 for no pairs.</summary>
    /// <param name="probabilities">The predicted probability that the preferred item wins, per pair.</param>
    /// <param name="tieCredit">The credit of a tie.</param>
    /// <param name="tolerance">How close to one half counts as a tie.</param>
    /// <returns>The accuracy.</returns>
    public static double Mean(IReadOnlyList<double> probabilities, double tieCredit = 0, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        double total = 0;
        foreach (double p in probabilities)
        {
            total += Credit(p, tieCredit, tolerance);
        }

        return probabilities.Count == 0 ? 0 : total / probabilities.Count;
    }

    /// <summary>
    /// Returns the expected calibration error of pairwise probabilities, each pair seen in a given orientation: a
    /// flipped pair contributes 1 − p with outcome 0, the others p with outcome 1, so that calibration is measured on
    /// both sides of one half.
    /// </summary>
    /// <param name="probabilities">The predicted probability that the preferred item wins, per pair.</param>
    /// <param name="flipped">Whether each pair is seen with the rejected item first.</param>
    /// <param name="bins">The number of equal-width bins.</param>
    /// <returns>The bin-weighted mean of |mean probability − mean outcome|; 0 for no pairs.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> flipped, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(flipped);
        if (probabilities.Count != flipped.Count)
        {
            throw new ArgumentException("Every probability needs an orientation.", nameof(flipped));
        }

        var oriented = new double[probabilities.Count];
        var outcomes = new double[probabilities.Count];
        for (int i = 0; i < oriented.Length; i++)
        {
            oriented[i] = flipped[i] ? 1 - probabilities[i] : probabilities[i];
            outcomes[i] = flipped[i] ? 0 : 1;
        }

        return Calibration.ExpectedCalibrationError(oriented, outcomes, bins);
    }
}
