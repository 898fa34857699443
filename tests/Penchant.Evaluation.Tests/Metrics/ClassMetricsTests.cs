namespace Penchant.Evaluation.Metrics;

public sealed class ClassMetricsTests
{
    private const int Digits = 12;

    [Fact]
    public void Metrics_Counts_ByHand()
    {
        var metrics = new ClassMetrics("satisfied", Support: 4, Predicted: 2, Correct: 1);

        Assert.Equal(0.5, metrics.Precision, Digits);
        Assert.Equal(0.25, metrics.Recall, Digits);
        Assert.Equal(1.0 / 3, metrics.F1, Digits); // 2 · 0.5 · 0.25 / 0.75
    }

    [Fact]
    public void Metrics_NeverPredictedAndNoSupport_AreZeroNotNaN()
    {
        var metrics = new ClassMetrics("neutral", Support: 0, Predicted: 0, Correct: 0);

        Assert.Equal(0, metrics.Precision);
        Assert.Equal(0, metrics.Recall);
        Assert.Equal(0, metrics.F1);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(1, 0, 0)]
    [InlineData(0.5, 1, 2.0 / 3)]
    public void HarmonicMean_PrecisionAndRecall_ByHand(double precision, double recall, double expected)
    {
        Assert.Equal(expected, ClassMetrics.HarmonicMean(precision, recall), Digits);
    }
}
