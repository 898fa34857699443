namespace Penchant.Numerics;

/// <summary>
/// Inverse-gap weighting (Abe &amp; Long 1999; Foster &amp; Rakhlin's SquareCB, 2020): each action other than the predicted
/// best gets probability <c>1 / (K + γ (ŷ_best − ŷ_a))</c>, the best gets the rest. The larger γ, the greedier.
/// </summary>
internal static class InverseGapWeighting
{
    /// <summary>Fills the probabilities of choosing each action.</summary>
    /// <param name="predicted">The predicted rewards ŷ, one per action (at least one).</param>
    /// <param name="gamma">The learning-rate-like scale γ (non-negative; 0 is uniform).</param>
    /// <param name="probabilities">Receives the probabilities (same length), summing to 1.</param>
    public static void Probabilities(ReadOnlySpan<double> predicted, double gamma, Span<double> probabilities)
    {
        int k = predicted.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(probabilities.Length, k);
        ArgumentOutOfRangeException.ThrowIfNegative(gamma);
        int best = 0;
        for (int a = 1; a < k; a++)
        {
            if (predicted[a] > predicted[best])
            {
                best = a;
            }
        }

        double others = 0;
        for (int a = 0; a < k; a++)
        {
            if (a != best)
            {
                probabilities[a] = 1.0 / (k + (gamma * (predicted[best] - predicted[a])));
                others += probabilities[a];
            }
        }

        probabilities[best] = Math.Max(0.0, 1.0 - others);
    }
}
