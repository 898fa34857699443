namespace Penchant.Evaluation.Metrics;

public sealed class RateTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(0, 4, 0)]
    [InlineData(1, 4, 0.25)]
    [InlineData(4, 4, 1)]
    public void Of_CountAndTotal_IsTheShareOrZeroForNothing(int count, int total, double expected)
    {
        Assert.Equal(expected, Rate.Of(count, total));
    }
}
