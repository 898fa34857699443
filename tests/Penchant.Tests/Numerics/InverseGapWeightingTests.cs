namespace Penchant.Numerics;

public sealed class InverseGapWeightingTests
{
    [Fact]
    public void Probabilities_ThreeActions_MatchHandComputedValues()
    {
        double[] p = new double[3];

        InverseGapWeighting.Probabilities([1.0, 0.5, 0.0], 10, p);

        // 1 / (3 + 10 · 0.5) and 1 / (3 + 10 · 1); the best takes the rest.
        Assert.Equal(0.125, p[1], 12);
        Assert.Equal(1.0 / 13, p[2], 12);
        Assert.Equal(1 - 0.125 - (1.0 / 13), p[0], 12);
    }

    [Fact]
    public void Probabilities_GammaZero_IsUniform()
    {
        double[] p = new double[4];

        InverseGapWeighting.Probabilities([3, 1, 2, 0], 0, p);

        Assert.All(p, static v => Assert.Equal(0.25, v, 12));
    }

    [Fact]
    public void Probabilities_HugeGamma_IsNearlyGreedy()
    {
        double[] p = new double[3];

        InverseGapWeighting.Probabilities([0.2, 0.9, 0.1], 1e9, p);

        Assert.True(p[1] > 0.999999);
        Assert.Equal(1.0, p.Sum(), 12);
    }
}
