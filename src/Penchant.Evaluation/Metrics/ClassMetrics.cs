namespace Penchant.Evaluation.Metrics;

/// <summary>Precision, recall and F1 of one class of a classification.</summary>
/// <param name="Label">The class's name.</param>
/// <param name="Support">How many cases truly belong to the class.</param>
/// <param name="Predicted">How many cases were predicted to belong to it.</param>
/// <param name="Correct">How many of those predictions were right.</param>
public sealed record ClassMetrics(string Label, int Support, int Predicted, int Correct)
{
    /// <summary>Gets correct / predicted; 0 when the class was never predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Gets correct / support; 0 when no case belongs to the class.</summary>
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    /// <summary>Gets the harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => HarmonicMean(Precision, Recall);

    /// <summary>Returns the harmonic mean of precision and recall (F1), or 0 when both are 0.</summary>
    /// <param name="precision">The precision.</param>
    /// <param name="recall">The recall.</param>
    /// <returns>2PR / (P + R), or 0.</returns>
    public static double HarmonicMean(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
