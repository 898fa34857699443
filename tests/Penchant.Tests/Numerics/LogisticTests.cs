namespace Penchant.Numerics;

public sealed class LogisticTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.8807970779778823)]
    [InlineData(-2.0, 0.11920292202211755)]
    public void Sigmoid_KnownValues(double z, double expected)
    {
        Assert.Equal(expected, Logistic.Sigmoid(z), 12);
        Assert.Equal(Math.Log(expected), Logistic.LogSigmoid(z), 12);
    }

    [Fact]
    public void Sigmoid_ExtremeLogits_StayFinite()
    {
        Assert.Equal(0.0, Logistic.Sigmoid(-1000));
        Assert.Equal(1.0, Logistic.Sigmoid(1000));
        Assert.Equal(-1000.0, Logistic.LogSigmoid(-1000), 9);
        Assert.Equal(0.0, Logistic.LogSigmoid(1000), 12);
    }
}
