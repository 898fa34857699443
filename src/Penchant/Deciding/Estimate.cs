namespace Penchant.Deciding;

/// <summary>An estimated value with its standard error and a confidence interval.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="StandardError">The estimated standard error.</param>
/// <param name="Lower">The lower end of the confidence interval.</param>
/// <param name="Upper">The upper end of the confidence interval.</param>
public sealed record Estimate(double Value, double StandardError, double Lower, double Upper)
{
    /// <summary>Gets a value indicating whether the interval contains a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> lies in [<see cref="Lower"/>, <see cref="Upper"/>].</returns>
    public bool Covers(double value) => value >= Lower && value <= Upper;
}
