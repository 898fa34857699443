namespace Penchant.Evaluation.Metrics;

/// <summary>Shares and means as the evaluations report them.</summary>
public static class Rate
{
    /// <summary>Returns <paramref name="count"/> / <paramref name="total"/>, or 0 when <paramref name="total"/> is 0 (an empty run scores 0, not NaN).</summary>
    /// <param name="count">The items counted (hits, correct answers, selections).</param>
    /// <param name="total">All items.</param>
    /// <returns>The share.</returns>
    public static double Of(int count, int total) => total == 0 ? 0 : (double)count / total;
}
