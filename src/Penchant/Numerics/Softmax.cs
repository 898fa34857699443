namespace Penchant.Numerics;

/// <summary>The softmax of log-weights, computed stably (the largest is subtracted before exponentiating).</summary>
internal static class Softmax
{
    /// <summary>Turns log-weights into probabilities in place: <c>xₖ ← exp(xₖ − max) / Σ exp(xᵢ − max)</c>.</summary>
    /// <param name="values">The log-weights on entry (at least one finite), the probabilities on return.</param>
    public static void InPlace(Span<double> values)
    {
        double top = double.NegativeInfinity;
        foreach (double v in values)
        {
            top = Math.Max(top, v);
        }

        double total = 0;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] -= top;
            total += Math.Exp(values[k]);
        }

        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Math.Exp(values[k]) / total;
        }
    }
}
