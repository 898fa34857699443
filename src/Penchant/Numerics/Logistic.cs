namespace Penchant.Numerics;

/// <summary>
/// The logistic function and its logarithm, computed without overflow for logits of either sign (the ranking model, its
/// prototypes and calibration use them).
/// </summary>
/// <remarks>
/// <see cref="LogisticClassifier.Sigmoid"/> is the plain <c>1 / (1 + e⁻ᶻ)</c>; it agrees with <see cref="Sigmoid"/> up to
/// rounding for moderate logits, but the two are kept apart so that the trained classifiers' outputs stay bit for bit.
/// </remarks>
internal static class Logistic
{
    /// <summary>Gets <c>log σ(z)</c>.</summary>
    public static double LogSigmoid(double z) => z >= 0 ? -Math.Log(1.0 + Math.Exp(-z)) : z - Math.Log(1.0 + Math.Exp(z));

    /// <summary>Gets the logistic function <c>σ(z) = 1 / (1 + e⁻ᶻ)</c>.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
}
