namespace Penchant.Numerics;

public sealed class SoftmaxTests
{
    [Fact]
    public void InPlace_SmallLogits_MatchesHandComputedValues()
    {
        double[] values = [1, 2, 3];

        Softmax.InPlace(values);

        double total = Math.Exp(-2) + Math.Exp(-1) + 1;
        Assert.Equal(Math.Exp(-2) / total, values[0], 12);
        Assert.Equal(Math.Exp(-1) / total, values[1], 12);
        Assert.Equal(1 / total, values[2], 12);
        Assert.Equal(0.665241, values[2], 6);
    }

    [Fact]
    public void InPlace_HugeLogits_DoesNotOverflow()
    {
        double[] values = [1000, 1000, double.NegativeInfinity];

        Softmax.InPlace(values);

        Assert.Equal([0.5, 0.5, 0.0], values);
    }
}
