namespace Penchant.Numerics;

public sealed class GaussianTests
{
    [Fact]
    public void Fill_ManyDraws_HaveTheStandardNormalsMomentsAndQuantiles()
    {
        // Arrange
        double[] values = new double[400_000];

        // Act
        Gaussian.Fill(new Random(11), values);

        // Assert: mean 0, variance 1, no skew, the kurtosis of a normal (3), and Φ at a few points (the tails included).
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        double skew = values.Sum(v => Math.Pow(v - mean, 3)) / values.Length;
        double kurtosis = values.Sum(v => Math.Pow(v - mean, 4)) / values.Length;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(skew, -0.02, 0.02);
        Assert.InRange(kurtosis, 2.95, 3.05);
        (double X, double Phi)[] quantiles = [(-3.5, 0.000233), (-2.0, 0.02275), (-1.0, 0.158655), (0.0, 0.5), (0.5, 0.691462), (1.5, 0.933193), (3.0, 0.99865)];
        foreach ((double x, double phi) in quantiles)
        {
            double below = values.Count(v => v < x) / (double)values.Length;
            double se = Math.Sqrt(phi * (1 - phi) / values.Length);
            Assert.True(Math.Abs(below - phi) < (5 * se) + 1e-5, $"P(X < {x}) = {below}, Φ = {phi}");
        }
    }

    [Fact]
    public void Fill_SameSeed_SameDraws_OtherSeed_OtherDraws()
    {
        double[] a = new double[257];
        double[] b = new double[257];
        double[] c = new double[257];

        Gaussian.Fill(new Random(3), a);
        Gaussian.Fill(new Random(3), b);
        Gaussian.Fill(new Random(4), c);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Fill_ConsecutiveDraws_AreUncorrelated()
    {
        double[] values = new double[200_001];

        Gaussian.Fill(new Random(5), values);

        double lagged = 0;
        for (int i = 1; i < values.Length; i++)
        {
            lagged += values[i] * values[i - 1];
        }

        Assert.InRange(lagged / (values.Length - 1), -0.012, 0.012);
    }
}
